// Memory rows: lessons (with their full-text index kept in sync in the same transaction) and the
// episodes they were distilled from. Every query is scoped by tenant.
import { randomUUID } from 'node:crypto';
import type { LessonsTable } from './database-schema.js';
import { toEpisode, toLesson, toNumber } from './row-mapping.js';
import { searchTerms } from './search-terms.js';
import type { Store } from './store.js';
import type { StoreContext } from './store-context.js';

type LessonQueries = Pick<
  Store,
  | 'addLesson'
  | 'updateLesson'
  | 'deleteLessons'
  | 'listLessons'
  | 'searchLessonsText'
  | 'lessonsWithEmbeddings'
  | 'clearLessons'
  | 'addEpisode'
  | 'reassignEpisodes'
  | 'listEpisodes'
>;

const DEFAULT_LIST_LIMIT = 100;
const MAX_LIMIT = 10_000;

const clampLimit = (limit: number | undefined, fallback: number) =>
  Math.min(Math.max(Math.floor(limit ?? fallback), 1), MAX_LIMIT);

export function createLessonQueries({ db, dialect, now }: StoreContext): LessonQueries {
  async function lessonsByIds(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('lessons').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, toLesson(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  return {
    async addLesson(input) {
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
      });
      return lesson;
    },

    async updateLesson(id, patch) {
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
