// SQLite specifics: an FTS5 table over lessons ranked with bm25(), kept in sync by the store in the
// same transaction as each lesson write (an explicit table rather than triggers keeps the
// behaviour visible in one place and identical to the PostgreSQL path).
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import { createSqliteLessonVectorIndex } from './sqlite-lesson-vector-index.js';
import type { StoreDialect } from './store-dialect.js';

const DELETE_CHUNK = 500;

/** FTS5 string literal: double quotes inside are doubled, so a term can never become an operator. */
function quoteTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

export function createSqliteStoreDialect(): StoreDialect {
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
      for (const lesson of lessons) {
        await sql`DELETE FROM lessons_fts WHERE lesson_id = ${lesson.id}`.execute(trx);
        await sql`INSERT INTO lessons_fts (lesson_id, tenant_id, text, tags, task)
          VALUES (${lesson.id}, ${lesson.tenant_id}, ${lesson.text}, ${lesson.tags.join(' ')}, ${lesson.task})`.execute(
          trx,
        );
      }
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
      if (terms.length === 0) return [];
      const match = terms.map(quoteTerm).join(' OR ');
      const result = await sql<{ lesson_id: string }>`SELECT lesson_id FROM lessons_fts
        WHERE lessons_fts MATCH ${match} AND tenant_id = ${tenantId}
        ORDER BY bm25(lessons_fts) LIMIT ${limit}`.execute(db);
      return result.rows.map((row) => row.lesson_id);
    },
    lessonVectors: createSqliteLessonVectorIndex(),
  };
}
