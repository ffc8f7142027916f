// Memory over the Store: hybrid recall (full-text BM25 + dense vectors fused by reciprocal rank),
// near-duplicate merging on remember, and consolidation. Every call is scoped to one tenant.
import { LRUCache } from 'lru-cache';
import { RiptideError } from '../errors/riptide-error.js';
import type { Lesson, LessonVectors, Store } from '../store/store.js';
import { cosineSimilarity } from './cosine-similarity.js';
import { hashingEmbedding } from './hashing-embedding.js';
import type { Memory } from './memory.js';
import { RRF_K, reciprocalRankFusion } from './reciprocal-rank-fusion.js';

export type EmbedTexts = (texts: string[]) => Promise<number[][] | null>;

export interface MemoryOptions {
  store: Store;
  /** Provider embeddings; null (or a failure) falls back to the offline hashing embedding. */
  embed?: EmbedTexts;
  /** Cosine at or above which two lessons count as the same lesson. */
  duplicateThreshold?: number;
  /** Dense candidates below this cosine are ignored, so unrelated lessons are not recalled. */
  minSimilarity?: number;
  /** Failed lessons never used and older than this are removed by consolidate(). */
  staleAfterDays?: number;
  now?: () => Date;
}

const DEFAULT_RECALL = 3;
const CANDIDATES = 20;
/** Extra index candidates re-ranked exactly, so float32 rounding in the index cannot reorder the cut-off. */
const RERANK_MARGIN = 10;
/** Without a vector index (or for provider vectors), dense ranking and duplicates see this recent window. */
const DENSE_SCAN = 500;
const DUPLICATE_CANDIDATES = 20;
const CONSOLIDATE_SCAN = 2000;
const BACKFILL_BATCH = 500;
/**
 * Tenants whose backfill is remembered. Tenant ids come from requests, so the set is bounded; a
 * tenant that falls out only repeats one cheap "lessons without vectors" query on its next use.
 */
const BACKFILLED_TENANTS = 1024;

/** What a lesson is retrieved by: the task it came from and the lesson itself. */
const lessonDocument = (lesson: Pick<Lesson, 'task' | 'text' | 'tags'>) =>
  `${lesson.task}\n${lesson.text}\n${lesson.tags.join(' ')}`;

/** The offline vectors the store indexes a lesson by (whatever embedding the lesson row keeps). */
const indexVectors = (lesson: Pick<Lesson, 'task' | 'text' | 'tags'>): LessonVectors => ({
  text: hashingEmbedding(lesson.text),
  document: hashingEmbedding(lessonDocument(lesson)),
});

/** Most recently updated first, then by id: the order the recent-window scan used to pick a duplicate in. */
const byRecentUpdate = (a: Lesson, b: Lesson) => b.updated_at.localeCompare(a.updated_at) || a.id.localeCompare(b.id);

export function createMemory({
  store,
  embed,
  duplicateThreshold = 0.9,
  minSimilarity = 0.2,
  staleAfterDays = 30,
  now = () => new Date(),
}: MemoryOptions): Memory {
  /** The provider's embedding when one is configured and answers, else the offline one (`provider: false`). */
  async function embedOne(text: string, offline: boolean): Promise<{ vector: number[]; provider: boolean }> {
    if (embed && !offline) {
      try {
        const vectors = await embed([text]);
        if (vectors?.[0]?.length) return { vector: vectors[0], provider: true };
      } catch {
        // A failing embedding provider degrades retrieval to the offline embedding; it never fails a run.
      }
    }
    return { vector: hashingEmbedding(text), provider: false };
  }

  /** The lesson's stored vector when comparable with the query's, else its offline embedding. */
  const vectorFor = (lesson: Lesson, dimensions: number) =>
    lesson.embedding && lesson.embedding.length === dimensions
      ? lesson.embedding
      : hashingEmbedding(lessonDocument(lesson));

  // Lessons written before the vector index existed are indexed on first use of their tenant; the
  // promise per tenant keeps concurrent calls from indexing the same lessons twice.
  const backfills = new LRUCache<string, Promise<void>>({ max: BACKFILLED_TENANTS });
  function indexedTenant(tenantId: string): Promise<void> {
    let backfill = backfills.get(tenantId);
    if (!backfill) {
      backfill = (async () => {
        for (;;) {
          const missing = await store.lessonsWithoutVectors(tenantId, BACKFILL_BATCH);
          if (missing.length === 0) return;
          for (const lesson of missing) await store.setLessonVectors(lesson.id, indexVectors(lesson));
        }
      })();
      backfill.catch(() => backfills.delete(tenantId));
      backfills.set(tenantId, backfill);
    }
    return backfill;
  }

  /**
   * Full-text hits and dense candidates. The store's vector index holds offline vectors only, so a
   * provider's query vector (or a store without an index) is ranked against the recent window.
   */
  async function candidatesFor(tenantId: string, query: string, embedded: { vector: number[]; provider: boolean }) {
    if (!embedded.provider) {
      await indexedTenant(tenantId);
      const found = await store.lessonCandidates(tenantId, {
        query,
        textLimit: CANDIDATES,
        vector: embedded.vector,
        vectorLimit: CANDIDATES + RERANK_MARGIN,
      });
      if (found.nearest) return { textHits: found.text, dense: found.nearest };
      return { textHits: found.text, dense: await store.lessonsWithEmbeddings(tenantId, DENSE_SCAN) };
    }
    const [textHits, dense] = await Promise.all([
      store.searchLessonsText(tenantId, query, CANDIDATES),
      store.lessonsWithEmbeddings(tenantId, DENSE_SCAN),
    ]);
    return { textHits, dense };
  }

  /** The most recently updated lesson whose text is a near-duplicate of `text`, by the offline embedding. */
  async function duplicateOf(tenantId: string, text: string): Promise<Lesson | undefined> {
    await indexedTenant(tenantId);
    const textVector = hashingEmbedding(text);
    const candidates =
      (await store.nearestLessons(tenantId, 'text', textVector, DUPLICATE_CANDIDATES)) ??
      (await store.listLessons(tenantId, DENSE_SCAN));
    return candidates
      .filter((lesson) => cosineSimilarity(hashingEmbedding(lesson.text), textVector) >= duplicateThreshold)
      .sort(byRecentUpdate)[0];
  }

  async function hybridSearch(tenantId: string, query: string, limit: number, offline: boolean): Promise<Lesson[]> {
    const embedded = await embedOne(query, offline);
    const queryVector = embedded.vector;
    const { textHits, dense: candidates } = await candidatesFor(tenantId, query, embedded);
    // Equal similarities keep the recent-window order, whichever way the candidates were found.
    const denseHits = [...candidates]
      .sort(byRecentUpdate)
      .map((lesson) => ({ lesson, similarity: cosineSimilarity(queryVector, vectorFor(lesson, queryVector.length)) }))
      .filter((hit) => hit.similarity >= minSimilarity)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, CANDIDATES)
      .map((hit) => hit.lesson);
    const byId = new Map([...textHits, ...denseHits].map((lesson) => [lesson.id, lesson]));
    const fused = reciprocalRankFusion(
      [textHits.map((lesson) => lesson.id), denseHits.map((lesson) => lesson.id)],
      RRF_K,
    );
    return fused.slice(0, Math.max(limit, 0)).flatMap(({ id }) => byId.get(id) ?? []);
  }

  return {
    async recall(tenantId, task, options = {}) {
      const lessons = await hybridSearch(tenantId, task, options.limit ?? DEFAULT_RECALL, options.offline ?? false);
      // Use counts keep recalled lessons alive through consolidation.
      await store.markLessonsUsed(lessons.map((lesson) => lesson.id));
      return lessons.map((lesson) => ({ ...lesson, uses: lesson.uses + 1 }));
    },

    async remember(input) {
      const text = input.lesson.replace(/\s+/g, ' ').trim();
      if (!text) throw new RiptideError('validation_error', 'a lesson must not be empty');
      const newTags = [...new Set(input.tags)];
      const existing = await duplicateOf(input.tenantId, text);
      const episode = {
        tenant_id: input.tenantId,
        thread_id: input.threadId,
        task: input.task,
        final_answer: input.finalAnswer,
        success: input.success,
      };
      if (existing) {
        const tags = [...new Set([...existing.tags, ...newTags])];
        // Unchanged tags are left out, so the store does not rewrite the lesson's full-text row.
        const patch = {
          success: existing.success || input.success,
          ...(tags.length > existing.tags.length ? { tags } : {}),
        };
        return store.rememberLesson({ merge: existing, patch, episode });
      }
      const document = { task: input.task, text, tags: newTags };
      const { vector: embedding } = await embedOne(lessonDocument(document), input.offline ?? false);
      return store.rememberLesson({
        add: { tenant_id: input.tenantId, text, tags: newTags, success: input.success, task: input.task, embedding },
        vectors: indexVectors(document),
        episode,
      });
    },

    async consolidate(tenantId) {
      const lessons = await store.listLessons(tenantId, CONSOLIDATE_SCAN);
      // The most used (then oldest) lesson of a group of near-duplicates absorbs the others.
      const ordered = [...lessons].sort((a, b) => b.uses - a.uses || a.created_at.localeCompare(b.created_at));
      const absorbed = new Set<string>();
      const state = new Map(ordered.map((lesson) => [lesson.id, { success: lesson.success, uses: lesson.uses }]));
      const vectors = new Map(ordered.map((lesson) => [lesson.id, hashingEmbedding(lesson.text)]));
      for (const keeper of ordered) {
        if (absorbed.has(keeper.id)) continue;
        const duplicates = ordered.filter(
          (other) =>
            other.id !== keeper.id &&
            !absorbed.has(other.id) &&
            cosineSimilarity(vectors.get(keeper.id)!, vectors.get(other.id)!) >= duplicateThreshold,
        );
        if (duplicates.length === 0) continue;
        for (const duplicate of duplicates) absorbed.add(duplicate.id);
        // Keep provenance: the merged lessons' episodes now belong to the keeper.
        await store.reassignEpisodes?.(
          duplicates.map((duplicate) => duplicate.id),
          keeper.id,
        );
        const group = [keeper, ...duplicates];
        const merged = {
          uses: group.reduce((total, lesson) => total + lesson.uses, 0),
          success: group.some((lesson) => lesson.success),
        };
        state.set(keeper.id, merged);
        await store.updateLesson(keeper.id, { ...merged, tags: [...new Set(group.flatMap((lesson) => lesson.tags))] });
      }
      await store.deleteLessons([...absorbed]);

      const cutoff = new Date(now().getTime() - staleAfterDays * 86_400_000).toISOString();
      const stale = ordered.filter((lesson) => {
        const current = state.get(lesson.id)!;
        return !absorbed.has(lesson.id) && !current.success && current.uses === 0 && lesson.created_at < cutoff;
      });
      await store.deleteLessons(stale.map((lesson) => lesson.id));
      return { merged: absorbed.size, removed: stale.length };
    },

    list(tenantId, limit) {
      return store.listLessons(tenantId, limit);
    },

    search(tenantId, query, limit = 10) {
      return hybridSearch(tenantId, query, limit, false);
    },

    clear(tenantId) {
      return store.clearLessons(tenantId);
    },
  };
}
