// Memory rows: lessons (with their full-text index kept in sync in the same transaction) and the
// episodes they were distilled from. Every query is scoped by tenant.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { LessonsTable, StoreDatabase } from './database-schema.js';
import { toEpisode, toLesson, toNumber } from './row-mapping.js';
import { searchTerms } from './search-terms.js';
import {
  type Episode,
  LESSON_VECTOR_DIMENSIONS,
  type Lesson,
  type LessonPatch,
  type LessonVectors,
  type NewLesson,
  type Store,
} from './store.js';
import type { StoreContext } from './store-context.js';

type LessonQueries = Pick<
  Store,
  | 'addLesson'
  | 'addLessons'
  | 'updateLesson'
  | 'rememberLesson'
  | 'markLessonsUsed'
  | 'deleteLessons'
  | 'listLessons'
  | 'searchLessonsText'
  | 'lessonsWithEmbeddings'
  | 'nearestLessons'
  | 'lessonCandidates'
  | 'lessonsWithoutVectors'
  | 'setLessonVectors'
  | 'clearLessons'
  | 'addEpisode'
  | 'reassignEpisodes'
  | 'listEpisodes'
>;

const DEFAULT_LIST_LIMIT = 100;
const MAX_LIMIT = 10_000;

/** Rows per multi-row insert: ten columns each stays under SQLite's 999 bound parameters. */
const INSERT_CHUNK = 90;

const toLessonRow = (lesson: Lesson) => ({
  ...lesson,
  tags: JSON.stringify(lesson.tags),
  success: lesson.success ? 1 : 0,
  embedding: lesson.embedding === null ? null : JSON.stringify(lesson.embedding),
});

const clampLimit = (limit: number | undefined, fallback: number) =>
  Math.min(Math.max(Math.floor(limit ?? fallback), 1), MAX_LIMIT);

/** Vectors of another size cannot enter the index's fixed-width columns. */
const fitsIndex = (vectors: LessonVectors) =>
  vectors.text.length === LESSON_VECTOR_DIMENSIONS && vectors.document.length === LESSON_VECTOR_DIMENSIONS;

export function createLessonQueries({ db, dialect, now }: StoreContext): LessonQueries {
  const vectorIndex = dialect.lessonVectors;

  async function lessonsByIds(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('lessons').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, toLesson(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Inserts lessons with their full-text rows and vectors inside `trx`. */
  async function insertLessons(
    trx: Transaction<StoreDatabase>,
    entries: { lesson: NewLesson; vectors?: LessonVectors }[],
  ) {
    const timestamp = now();
    const lessons = entries.map(({ lesson }) => ({
      ...lesson,
      id: randomUUID(),
      uses: 0,
      created_at: timestamp,
      updated_at: timestamp,
    }));
    for (let start = 0; start < lessons.length; start += INSERT_CHUNK) {
      const chunk = lessons.slice(start, start + INSERT_CHUNK);
      await trx.insertInto('lessons').values(chunk.map(toLessonRow)).execute();
      await dialect.indexLessons(trx, chunk);
    }
    if (vectorIndex)
      for (const [index, { vectors }] of entries.entries())
        if (vectors && fitsIndex(vectors))
          await vectorIndex.upsert(trx, lessons[index].id, lessons[index].tenant_id, vectors);
    return lessons;
  }

  /** Applies `patch` inside `trx`; the full-text row is rewritten only when its text or tags really change. */
  async function patchLesson(
    trx: Transaction<StoreDatabase>,
    id: string,
    patch: LessonPatch,
    vectors: LessonVectors | undefined,
    timestamp: string,
  ) {
    const set: Partial<LessonsTable> = { updated_at: timestamp };
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.tags !== undefined) set.tags = JSON.stringify(patch.tags);
    if (patch.embedding !== undefined)
      set.embedding = patch.embedding === null ? null : JSON.stringify(patch.embedding);
    if (patch.uses !== undefined) set.uses = patch.uses;
    if (patch.success !== undefined) set.success = patch.success ? 1 : 0;
    const before =
      patch.text !== undefined || patch.tags !== undefined || vectors
        ? await trx.selectFrom('lessons').selectAll().where('id', '=', id).executeTakeFirst()
        : undefined;
    await trx.updateTable('lessons').set(set).where('id', '=', id).execute();
    if (
      before &&
      ((set.text !== undefined && set.text !== before.text) || (set.tags !== undefined && set.tags !== before.tags))
    ) {
      await dialect.unindexLessons(trx, [id]);
      await dialect.indexLessons(trx, [toLesson({ ...before, ...set })]);
    }
    if (!vectorIndex) return;
    if (vectors && fitsIndex(vectors)) {
      if (before) await vectorIndex.upsert(trx, id, before.tenant_id, vectors);
    } else if (patch.text !== undefined) {
      await vectorIndex.remove(trx, [id]);
    }
  }

  async function insertEpisode(trx: Kysely<StoreDatabase>, input: Omit<Episode, 'id' | 'created_at'>) {
    const episode = { ...input, id: randomUUID(), created_at: now() };
    await trx
      .insertInto('episodes')
      .values({ ...episode, success: episode.success ? 1 : 0 })
      .execute();
    return episode;
  }

  return {
    async addLesson(input, vectors) {
      const [lesson] = await db.transaction().execute((trx) => insertLessons(trx, [{ lesson: input, vectors }]));
      return lesson;
    },

    addLessons(entries) {
      if (entries.length === 0) return Promise.resolve([]);
      return db.transaction().execute((trx) => insertLessons(trx, entries));
    },

    async updateLesson(id, patch, vectors) {
      await db.transaction().execute((trx) => patchLesson(trx, id, patch, vectors, now()));
    },

    rememberLesson(write) {
      return db.transaction().execute(async (trx) => {
        let lesson: Lesson;
        if ('add' in write) {
          [lesson] = await insertLessons(trx, [{ lesson: write.add, vectors: write.vectors }]);
        } else {
          const timestamp = now();
          await patchLesson(trx, write.merge.id, write.patch, undefined, timestamp);
          lesson = { ...write.merge, ...write.patch, updated_at: timestamp };
        }
        await insertEpisode(trx, { ...write.episode, lesson_id: lesson.id });
        return lesson;
      });
    },

    async markLessonsUsed(ids) {
      if (ids.length === 0) return;
      await db
        .updateTable('lessons')
        .set((eb) => ({ uses: eb('uses', '+', 1), updated_at: now() }))
        .where('id', 'in', ids)
        .execute();
    },

    async deleteLessons(ids) {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await dialect.unindexLessons(trx, ids);
        await trx.deleteFrom('lessons').where('id', 'in', ids).execute();
      });
    },

    async listLessons(tenantId, limit) {
      const rows = await db
        .selectFrom('lessons')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(clampLimit(limit, DEFAULT_LIST_LIMIT))
        .execute();
      return rows.map(toLesson);
    },

    async searchLessonsText(tenantId, query, limit) {
      const ids = await dialect.searchLessonIds(db, tenantId, searchTerms(query), clampLimit(limit, 10));
      return lessonsByIds(ids);
    },

    async lessonsWithEmbeddings(tenantId, limit) {
      const rows = await db
        .selectFrom('lessons')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('embedding', 'is not', null)
        .orderBy('updated_at', 'desc')
        .limit(clampLimit(limit, DEFAULT_LIST_LIMIT))
        .execute();
      return rows.map(toLesson);
    },

    async nearestLessons(tenantId, kind, vector, limit) {
      if (!vectorIndex || vector.length !== LESSON_VECTOR_DIMENSIONS) return null;
      return lessonsByIds(await vectorIndex.nearest(db, tenantId, kind, vector, clampLimit(limit, 10)));
    },

    async lessonCandidates(tenantId, { query, textLimit, vector, vectorLimit }) {
      const textIds = await dialect.searchLessonIds(db, tenantId, searchTerms(query), clampLimit(textLimit, 10));
      const nearestIds =
        vectorIndex && vector.length === LESSON_VECTOR_DIMENSIONS
          ? await vectorIndex.nearest(db, tenantId, 'document', vector, clampLimit(vectorLimit, 10))
          : null;
      const fetched = await lessonsByIds([...new Set([...textIds, ...(nearestIds ?? [])])]);
      const byId = new Map(fetched.map((lesson) => [lesson.id, lesson]));
      const pick = (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []);
      return { text: pick(textIds), nearest: nearestIds && pick(nearestIds) };
    },

    async lessonsWithoutVectors(tenantId, limit) {
      if (!vectorIndex) return [];
      return lessonsByIds(await vectorIndex.missing(db, tenantId, clampLimit(limit, DEFAULT_LIST_LIMIT)));
    },

    async setLessonVectors(id, vectors) {
      if (!vectorIndex || !fitsIndex(vectors)) return;
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('lessons').select('tenant_id').where('id', '=', id).executeTakeFirst();
        if (row) await vectorIndex.upsert(trx, id, row.tenant_id, vectors);
      });
    },

    async clearLessons(tenantId) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('lessons').select('id').where('tenant_id', '=', tenantId).execute();
        const ids = rows.map((row) => row.id);
        if (ids.length === 0) return 0;
        await dialect.unindexLessons(trx, ids);
        const deleted = await trx.deleteFrom('lessons').where('tenant_id', '=', tenantId).executeTakeFirst();
        return toNumber(deleted.numDeletedRows);
      });
    },

    addEpisode(input) {
      return insertEpisode(db, input);
    },

    async reassignEpisodes(fromLessonIds, toLessonId) {
      if (fromLessonIds.length === 0) return 0;
      const updated = await db
        .updateTable('episodes')
        .set({ lesson_id: toLessonId })
        .where('lesson_id', 'in', fromLessonIds)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows);
    },

    async listEpisodes(tenantId, limit) {
      const rows = await db
        .selectFrom('episodes')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(clampLimit(limit, DEFAULT_LIST_LIMIT))
        .execute();
      return rows.map(toEpisode);
    },
  };
}
