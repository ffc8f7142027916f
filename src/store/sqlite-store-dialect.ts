// SQLite specifics: an FTS5 table over lessons ranked with bm25(), kept in sync by the store in the
// same transaction as each lesson write (an explicit table rather than triggers keeps the
// behaviour visible in one place and identical to the PostgreSQL path).
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import { createSqliteLessonSearch } from './sqlite-lesson-search.js';
import { createSqliteLessonVectorIndex } from './sqlite-lesson-vector-index.js';
import type { StoreDialect } from './store-dialect.js';

const DELETE_CHUNK = 500;

export interface SqliteStoreDialectOptions {
  /** Most rows one full-text query scores (sqlite-lesson-search.ts); tests make it small. */
  searchBudget?: number;
}

export function createSqliteStoreDialect({ searchBudget }: SqliteStoreDialectOptions = {}): StoreDialect {
  const lessonSearch = createSqliteLessonSearch(searchBudget);
  return {
    name: 'sqlite',
    addAutoIncrementId(table) {
      return table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
    },
    async createLessonSearchIndex(db: Kysely<any>) {
      await sql`CREATE VIRTUAL TABLE IF NOT EXISTS lessons_fts USING fts5(
        lesson_id UNINDEXED, tenant_id UNINDEXED, text, tags, task, tokenize = 'porter unicode61'
      )`.execute(db);
    },
    async indexLessons(trx, lessons) {
      // Insert only: lesson_id is not indexed, so a delete by it scans the table; re-indexing unindexes first.
      for (const lesson of lessons) {
        await sql`INSERT INTO lessons_fts (lesson_id, tenant_id, text, tags, task)
          VALUES (${lesson.id}, ${lesson.tenant_id}, ${lesson.text}, ${lesson.tags.join(' ')}, ${lesson.task})`.execute(
          trx,
        );
      }
      lessonSearch.indexed(lessons.length);
    },
    async unindexLessons(trx, ids) {
      for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
        const chunk = ids.slice(start, start + DELETE_CHUNK);
        await sql`DELETE FROM lessons_fts WHERE lesson_id IN (${sql.join(chunk)})`.execute(trx);
      }
    },
    async lockTenantBudget() {
      // SQLite has one writer: the reservation's insert takes the write lock until commit.
    },
    async searchLessonIds(db: Kysely<StoreDatabase>, tenantId, terms, limit) {
      return lessonSearch.search(db, tenantId, terms, limit);
    },
    lessonVectors: createSqliteLessonVectorIndex(),
  };
}
