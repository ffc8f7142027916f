// PostgreSQL specifics: a generated tsvector column over each lesson with a GIN index, ranked with
// ts_rank (at a bounded cost: postgres-lesson-search.ts). Being generated, it can never drift from
// the row, so indexing is a no-op here.
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import { searchPostgresLessonIds } from './postgres-lesson-search.js';
import type { StoreDialect } from './store-dialect.js';

export function createPostgresStoreDialect(): StoreDialect {
  return {
    name: 'postgres',
    addAutoIncrementId(table) {
      return table.addColumn('id', 'bigserial', (column) => column.primaryKey());
    },
    async createLessonSearchIndex(db: Kysely<any>) {
      await sql`ALTER TABLE lessons ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('english', text || ' ' || tags || ' ' || task)
      ) STORED`.execute(db);
      await sql`CREATE INDEX lessons_search ON lessons USING gin (search)`.execute(db);
    },
    async indexLessons() {},
    async unindexLessons() {},
    async lockTenantBudget(trx, tenantId) {
      // Concurrent transactions would each see the other's reservation as not yet committed; a
      // transaction-scoped advisory lock per tenant makes them take turns.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`riptide-budget:${tenantId}`}))`.execute(trx);
    },
    searchLessonIds(db: Kysely<StoreDatabase>, tenantId, terms, limit) {
      return searchPostgresLessonIds(db, tenantId, terms, limit);
    },
  };
}
