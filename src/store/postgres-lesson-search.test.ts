// Bounded full-text search on PostgreSQL: within its budget it returns exactly the full ts_rank
// query's ranking; past it, the best of the tenant's most recently updated matches. Skipped when
// no server answers at RIPTIDE_TEST_POSTGRES_URL.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreDatabase } from './database-schema.js';
import { searchPostgresLessonIds } from './postgres-lesson-search.js';
import { createPostgresStore } from './postgres-store.js';
import { searchTerms } from './search-terms.js';
import type { Store } from './store.js';
import { POSTGRES_TEST_URL, postgresReachable } from './test-support/postgres-test-server.js';
import { searchLessonAt } from './test-support/search-lessons.js';
import { throwawayPostgresSchemas } from './test-support/throwaway-postgres-schemas.js';

const available = await postgresReachable();
const freshSchema = throwawayPostgresSchemas('riptide_search_test');

describe.skipIf(!available)('postgres lesson search', () => {
  let store: Store;
  let db: Kysely<StoreDatabase>;
  let pool: pg.Pool;

  beforeAll(async () => {
    const schema = freshSchema();
    store = await createPostgresStore({ url: POSTGRES_TEST_URL, schema });
    pool = new pg.Pool({ connectionString: POSTGRES_TEST_URL, options: `-c search_path=${schema}` });
    db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
    await store.addLessons(Array.from({ length: 300 }, (_, index) => ({ lesson: searchLessonAt(index, 'acme') })));
    await store.addLessons(Array.from({ length: 3 }, (_, index) => ({ lesson: searchLessonAt(index, 'globex') })));
  });
  afterAll(async () => {
    await db?.destroy();
    await store?.close();
  });

  /** The full query: every match ranked. */
  async function fullQuery(tenantId: string, query: string, limit: number) {
    const tsquery = sql`to_tsquery('english', ${searchTerms(query).join(' | ')})`;
    const result = await sql<{ id: string }>`SELECT id FROM lessons WHERE tenant_id = ${tenantId}
      AND search @@ ${tsquery} ORDER BY ts_rank(search, ${tsquery}) DESC, id LIMIT ${limit}`.execute(db);
    return result.rows.map((row) => row.id);
  }

  const QUERIES = ['cache retry', 'deploy the worker queue', 'schema token budget timeout', 'parse'];

  it('returns exactly the full query’s ranking while the matches fit its budget', async () => {
    for (const query of QUERIES) {
      for (const limit of [1, 5, 20]) {
        const found = (await store.searchLessonsText('acme', query, limit)).map((lesson) => lesson.id);
        expect(found).toEqual(await fullQuery('acme', query, limit));
      }
    }
  });

  it('past its budget ranks the tenant’s most recently updated matches, and no other tenant’s', async () => {
    const recent = await sql<{ id: string }>`SELECT id FROM lessons WHERE tenant_id = 'acme'
      AND search @@ to_tsquery('english', 'cache | retry') ORDER BY updated_at DESC LIMIT 40`.execute(db);
    const window = new Set(recent.rows.map((row) => row.id));
    const found = await searchPostgresLessonIds(db, 'acme', ['cache', 'retry'], 10, 40);
    expect(found).toHaveLength(10);
    for (const id of found) expect(window.has(id)).toBe(true);
    // acme's 300 lessons do not count against globex's budget: its 3 are ranked by the full query.
    expect(await searchPostgresLessonIds(db, 'globex', ['cache', 'retry'], 5, 40)).toEqual(
      await fullQuery('globex', 'cache retry', 5),
    );
  });
});
