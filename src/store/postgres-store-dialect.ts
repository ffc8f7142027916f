// PostgreSQL specifics: a generated tsvector column over each lesson with a GIN index, ranked with
// ts_rank. Being generated, it can never drift from the row, so indexing is a no-op here.
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
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
    async searchLessonIds(db: Kysely<StoreDatabase>, tenantId, terms, limit) {
      if (terms.length === 0) return [];
      // Terms are letters and digits only (search-terms.ts), so joining them cannot inject tsquery syntax.
      const query = sql`to_tsquery('english', ${terms.join(' | ')})`;
      const result = await sql<{ id: string }>`SELECT id FROM lessons
        WHERE tenant_id = ${tenantId} AND search @@ ${query}
        ORDER BY ts_rank(search, ${query}) DESC, id LIMIT ${limit}`.execute(db);
      return result.rows.map((row) => row.id);
    },
  };
}
