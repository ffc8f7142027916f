// Memory rows: lessons (with their full-text index kept in sync in the same transaction) and the
// episodes they were distilled from. Every query is scoped by tenant.
import { randomUUID } from 'node:crypto';
import type { LessonsTable } from './database-schema.js';
import { toEpisode, toLesson, toNumber } from './row-mapping.js';
import { searchTerms } from './search-terms.js';
import { LESSON_VECTOR_DIMENSIONS, type LessonVectors, type Store } from './store.js';
import type { StoreContext } from './store-context.js';

type LessonQueries = Pick<
  Store,
  | 'addLesson'
  | 'updateLesson'
  | 'deleteLessons'
  | 'listLessons'
  | 'searchLessonsText'
  | 'lessonsWithEmbeddings'
  | 'nearestLessons'
  | 'lessonsWithoutVectors'
  | 'setLessonVectors'
  | 'clearLessons'
  | 'addEpisode'
  | 'reassignEpisodes'
  | 'listEpisodes'
>;

const DEFAULT_LIST_LIMIT = 100;
const MAX_LIMIT = 10_000;

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

  return {
    async addLesson(input, vectors) {
      const timestamp = now();
      const lesson = { ...input, id: randomUUID(), uses: 0, created_at: timestamp, updated_at: timestamp };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('lessons')
          .values({
            ...lesson,
            tags: JSON.stringify(lesson.tags),
            success: lesson.success ? 1 : 0,
            embedding: lesson.embedding === null ? null : JSON.stringify(lesson.embedding),
          })
          .execute();
        await dialect.indexLessons(trx, [lesson]);
        if (vectorIndex && vectors && fitsIndex(vectors))
          await vectorIndex.upsert(trx, lesson.id, lesson.tenant_id, vectors);
      });
      return lesson;
    },

    async updateLesson(id, patch, vectors) {
      const set: Partial<LessonsTable> = { updated_at: now() };
      if (patch.text !== undefined) set.text = patch.text;
      if (patch.tags !== undefined) set.tags = JSON.stringify(patch.tags);
      if (patch.embedding !== undefined)
        set.embedding = patch.embedding === null ? null : JSON.stringify(patch.embedding);
      if (patch.uses !== undefined) set.uses = patch.uses;
      if (patch.success !== undefined) set.success = patch.success ? 1 : 0;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('lessons').set(set).where('id', '=', id).execute();
        if (patch.text !== undefined || patch.tags !== undefined) {
          const row = await trx.selectFrom('lessons').selectAll().where('id', '=', id).executeTakeFirst();
          if (row) await dialect.indexLessons(trx, [toLesson(row)]);
        }
        if (!vectorIndex) return;
        if (vectors && fitsIndex(vectors)) {
          const row = await trx.selectFrom('lessons').select('tenant_id').where('id', '=', id).executeTakeFirst();
          if (row) await vectorIndex.upsert(trx, id, row.tenant_id, vectors);
        } else if (patch.text !== undefined) {
          await vectorIndex.remove(trx, [id]);
        }
      });
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

    async addEpisode(input) {
      const episode = { ...input, id: randomUUID(), created_at: now() };
      await db
        .insertInto('episodes')
        .values({ ...episode, success: episode.success ? 1 : 0 })
        .execute();
      return episode;
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
