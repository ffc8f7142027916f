// Full-text lesson search on SQLite (FTS5, bm25) with a bounded cost: FTS5 scores every row an OR
// query matches and scans each term's whole posting list for its IDF, so over 100 000 lessons a
// query of common words cost ~225 ms. While the query's matches fit a budget it runs as it always
// did (exact). Past it, terms are ranked by rarity (a capped count of their matches): the rare ones
// whose matches fit the budget are searched completely, then the most recent matches of the rarest
// common term, up to the budget, fill the remaining places.
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';

/**
 * At most this many matching rows are scored per query, and the rare terms' matches must fit in it.
 * Measured on 100 000 offline lessons (bench/memory-scale.bench.ts): bm25 costs ~2–3 µs a scored row
 * and its IDF ~0.7 ms per term matching a third of the lessons, so 500 keeps the query near 2 ms.
 */
export const SCORED_ROWS = 500;

/** FTS5 string literal: double quotes inside are doubled, so a term can never become an operator. */
function quoteTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

const anyOf = (terms: readonly string[]) => terms.map(quoteTerm).join(' OR ');

/** How many rows (of every tenant) match each FTS5 query, each counted no further than `cap + 1`: one statement. */
async function cappedMatches(db: Kysely<StoreDatabase>, queries: readonly string[], cap: number): Promise<number[]> {
  const counts = queries.map(
    (query, index) => sql`(SELECT count(*) FROM (
      SELECT 1 FROM lessons_fts WHERE lessons_fts MATCH ${query} LIMIT ${cap + 1})) AS ${sql.ref(`c${index}`)}`,
  );
  const result = await sql<Record<string, number>>`SELECT ${sql.join(counts)}`.execute(db);
  const row = result.rows[0] ?? {};
  return queries.map((_, index) => Number(row[`c${index}`] ?? 0));
}

/**
 * The query's terms by rarity: `kept`, the rarest ones whose matches fit `budget` together (rare words
 * carry the most IDF, so leaving common ones out changes the ranking least), in the caller's order;
 * `nextRarest`, the rarest term left out (undefined when every term was kept).
 */
export async function rarestTerms(
  db: Kysely<StoreDatabase>,
  terms: readonly string[],
  budget: number,
): Promise<{ kept: string[]; nextRarest: string | undefined }> {
  const matches = await cappedMatches(db, terms.map(quoteTerm), budget);
  const byRarity = terms
    .map((term, position) => ({ term, position, matches: matches[position] }))
    .sort((a, b) => a.matches - b.matches || a.position - b.position);
  let total = 0;
  let keptCount = 0;
  while (keptCount < byRarity.length && total + byRarity[keptCount].matches <= budget) {
    total += byRarity[keptCount].matches;
    keptCount += 1;
  }
  const kept = byRarity.slice(0, keptCount).sort((a, b) => a.position - b.position);
  return { kept: kept.map((entry) => entry.term), nextRarest: byRarity[keptCount]?.term };
}

/** How long a count of the index's rows is trusted for other processes' writes; this process's are added at once. */
const ROW_COUNT_TTL_MS = 10_000;

export interface SqliteLessonSearch {
  /** Ids of a tenant's lessons matching any of the terms, best bm25 first (see the module comment). */
  search(db: Kysely<StoreDatabase>, tenantId: string, terms: string[], limit: number): Promise<string[]>;
  /** This process added rows to the index (keeps the cached row count an upper bound). */
  indexed(rows: number): void;
}

export function createSqliteLessonSearch(budget = SCORED_ROWS): SqliteLessonSearch {
  // An upper bound on the index's rows (of every tenant): while it is within the budget no query
  // can match more, so the exact query runs without counting matches first.
  let rows: { count: number; until: number } | undefined;

  async function withinBudget(db: Kysely<StoreDatabase>, terms: string[]): Promise<boolean> {
    if (!rows || rows.until < Date.now()) {
      const result = await sql<{ count: number }>`SELECT count(*) AS count FROM (
        SELECT 1 FROM lessons_fts LIMIT ${budget + 1})`.execute(db);
      rows = { count: Number(result.rows[0]?.count ?? 0), until: Date.now() + ROW_COUNT_TTL_MS };
    }
    if (rows.count <= budget) return true;
    // One capped count of the whole query's matches settles the small case without a count per term.
    return (await cappedMatches(db, [anyOf(terms)], budget))[0] <= budget;
  }

  return {
    indexed(added) {
      if (rows) rows.count += added;
    },

    async search(db, tenantId, terms, limit) {
      if (terms.length === 0) return [];
      const exactQuery = async () => {
        const result = await sql<{ lesson_id: string }>`SELECT lesson_id FROM lessons_fts
          WHERE lessons_fts MATCH ${anyOf(terms)} AND tenant_id = ${tenantId}
          ORDER BY bm25(lessons_fts) LIMIT ${limit}`.execute(db);
        return result.rows.map((row) => row.lesson_id);
      };
      // Within the budget the full query costs no more than the bounded one, and is exact.
      if (await withinBudget(db, terms)) return exactQuery();
      const { kept, nextRarest } = await rarestTerms(db, terms, budget);
      if (nextRarest === undefined) return exactQuery();
      // Every match of the rare terms, ranked by them.
      const found: string[] = [];
      if (kept.length > 0) {
        const rare = await sql<{ lesson_id: string }>`SELECT lesson_id FROM lessons_fts
          WHERE lessons_fts MATCH ${anyOf(kept)} AND tenant_id = ${tenantId}
          ORDER BY bm25(lessons_fts) LIMIT ${limit}`.execute(db);
        found.push(...rare.rows.map((row) => row.lesson_id));
      }
      if (found.length >= limit) return found;
      // Then the most recent matches of the rarest common term, up to the budget, ranked by it.
      const window = await sql<{ lesson_id: string; tenant_id: string; score: number }>`SELECT lesson_id, tenant_id,
          bm25(lessons_fts) AS score FROM lessons_fts
        WHERE lessons_fts MATCH ${quoteTerm(nextRarest)} ORDER BY rowid DESC LIMIT ${budget}`.execute(db);
      const seen = new Set(found);
      const recent = window.rows
        .filter((row) => row.tenant_id === tenantId && !seen.has(row.lesson_id))
        .sort((a, b) => a.score - b.score);
      found.push(...recent.slice(0, limit - found.length).map((row) => row.lesson_id));
      // A window filled by other tenants' lessons cannot answer for this one: the full query can (today's cost).
      return found.length < limit && window.rows.length >= budget ? exactQuery() : found;
    },
  };
}
