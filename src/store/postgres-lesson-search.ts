// Full-text lesson search on PostgreSQL (the GIN-indexed tsvector column) with a bounded cost:
// ts_rank is computed for every row a query matches, ~430 ms over 100 000 lessons of common words.
// While a tenant's matches fit a budget the query runs as it always did (exact); past it, only the
// tenant's most recently updated matches, up to the budget, are ranked. The tenant is a column
// here (not a filter after the match, as in SQLite's FTS5 table), so no other tenant's rows count.
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';

/** Rows ranked at most per query; the same budget as SQLite's (sqlite-lesson-search.ts). */
export const RANKED_ROWS = 500;

export async function searchPostgresLessonIds(
  db: Kysely<StoreDatabase>,
  tenantId: string,
  terms: string[],
  limit: number,
  budget = RANKED_ROWS,
): Promise<string[]> {
  if (terms.length === 0) return [];
  // Terms are letters and digits only (search-terms.ts), so joining them cannot inject tsquery syntax.
  const query = sql`to_tsquery('english', ${terms.join(' | ')})`;
  const counted = await sql<{ count: number }>`SELECT count(*)::int AS count FROM (
    SELECT 1 FROM lessons WHERE tenant_id = ${tenantId} AND search @@ ${query} LIMIT ${budget + 1}) AS capped`.execute(
    db,
  );
  const withinBudget = Number(counted.rows[0]?.count ?? 0) <= budget;
  const result = withinBudget
    ? await sql<{ id: string }>`SELECT id FROM lessons
        WHERE tenant_id = ${tenantId} AND search @@ ${query}
        ORDER BY ts_rank(search, ${query}) DESC, id LIMIT ${limit}`.execute(db)
    : await sql<{ id: string }>`SELECT id FROM (
          SELECT id, search FROM lessons WHERE tenant_id = ${tenantId} AND search @@ ${query}
          ORDER BY updated_at DESC LIMIT ${budget}) AS recent
        ORDER BY ts_rank(search, ${query}) DESC, id LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => row.id);
}
