// Memory over the Store: hybrid recall (full-text BM25 + dense vectors fused by reciprocal rank),
// near-duplicate merging on remember, and consolidation. Every call is scoped to one tenant.
import { RiptideError } from '../errors/riptide-error.js';
import type { Lesson, Store } from '../store/store.js';
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
const DENSE_SCAN = 500;
const CONSOLIDATE_SCAN = 2000;

/** What a lesson is retrieved by: the task it came from and the lesson itself. */
const lessonDocument = (lesson: Pick<Lesson, 'task' | 'text' | 'tags'>) =>
  `${lesson.task}\n${lesson.text}\n${lesson.tags.join(' ')}`;

export function createMemory({
  store,
  embed,
  duplicateThreshold = 0.9,
  minSimilarity = 0.2,
  staleAfterDays = 30,
  now = () => new Date(),
}: MemoryOptions): Memory {
  async function embedOne(text: string, offline: boolean): Promise<number[]> {
    if (embed && !offline) {
      try {
        const vectors = await embed([text]);
        if (vectors?.[0]?.length) return vectors[0];
      } catch {
        // A failing embedding provider degrades retrieval to the offline embedding; it never fails a run.
      }
    }
    return hashingEmbedding(text);
  }

  /** The lesson's stored vector when comparable with the query's, else its offline embedding. */
  const vectorFor = (lesson: Lesson, dimensions: number) =>
    lesson.embedding && lesson.embedding.length === dimensions
      ? lesson.embedding
      : hashingEmbedding(lessonDocument(lesson));

  /** Duplicates are judged on the lesson text alone, with the deterministic offline embedding. */
  const sameLesson = (a: string, b: string) =>
    cosineSimilarity(hashingEmbedding(a), hashingEmbedding(b)) >= duplicateThreshold;

  async function hybridSearch(tenantId: string, query: string, limit: number, offline: boolean): Promise<Lesson[]> {
    const [textHits, denseCandidates, queryVector] = await Promise.all([
      store.searchLessonsText(tenantId, query, CANDIDATES),
      store.lessonsWithEmbeddings(tenantId, DENSE_SCAN),
      embedOne(query, offline),
    ]);
    const denseHits = denseCandidates
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
      await Promise.all(lessons.map((lesson) => store.updateLesson(lesson.id, { uses: lesson.uses + 1 })));
      return lessons.map((lesson) => ({ ...lesson, uses: lesson.uses + 1 }));
    },

    async remember(input) {
      const text = input.lesson.replace(/\s+/g, ' ').trim();
      if (!text) throw new RiptideError('validation_error', 'a lesson must not be empty');
      const tags = [...new Set(input.tags)];
      const existing = (await store.listLessons(input.tenantId, DENSE_SCAN)).find((lesson) =>
        sameLesson(lesson.text, text),
      );

      let lesson: Lesson;
      if (existing) {
        const merged = {
          tags: [...new Set([...existing.tags, ...tags])],
          success: existing.success || input.success,
        };
        await store.updateLesson(existing.id, merged);
        lesson = { ...existing, ...merged, updated_at: now().toISOString() };
      } else {
        const embedding = await embedOne(lessonDocument({ task: input.task, text, tags }), input.offline ?? false);
        lesson = await store.addLesson({
          tenant_id: input.tenantId,
          text,
          tags,
          success: input.success,
          task: input.task,
          embedding,
        });
      }
      await store.addEpisode({
        tenant_id: input.tenantId,
        thread_id: input.threadId,
        task: input.task,
        final_answer: input.finalAnswer,
        success: input.success,
        lesson_id: lesson.id,
      });
      return lesson;
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
