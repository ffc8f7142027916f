// Bounded full-text search on SQLite: within its budget it returns exactly today's ranking (the full
// bm25 OR query); past it, it keeps the rarest terms, scores a bounded window, and still answers a
// small tenant among a large one with the full query.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreDatabase } from './database-schema.js';
import { createKyselyStore } from './kysely-store.js';
import { searchTerms } from './search-terms.js';
import { createSqliteRunPath } from './sqlite-run-path.js';
import { createSqliteStoreDialect } from './sqlite-store-dialect.js';
import type { Store } from './store.js';
import { searchLessonAt } from './test-support/search-lessons.js';

describe('sqlite lesson search', () => {
  let directory: string;
  let db: Kysely<StoreDatabase>;
  let store: Store;

  async function open(searchBudget?: number) {
    const database = new Database(path.join(directory, `search-${searchBudget ?? 'default'}.sqlite`));
    db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
    store = createKyselyStore({
      db,
      dialect: createSqliteStoreDialect({ searchBudget }),
      runPath: createSqliteRunPath(database, db),
    });
    await store.migrate();
  }

  /** Today's query: every term, every match scored. */
  async function fullQuery(tenantId: string, query: string, limit: number, terms = searchTerms(query)) {
    const match = terms.map((term) => `"${term}"`).join(' OR ');
    const result = await sql<{ lesson_id: string }>`SELECT lesson_id FROM lessons_fts
      WHERE lessons_fts MATCH ${match} AND tenant_id = ${tenantId} ORDER BY bm25(lessons_fts) LIMIT ${limit}`.execute(
      db,
    );
    return result.rows.map((row) => row.lesson_id);
  }

  const ids = async (tenantId: string, query: string, limit: number) =>
    (await store.searchLessonsText(tenantId, query, limit)).map((lesson) => lesson.id);

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-search-'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const QUERIES = ['cache retry', 'deploy the worker queue', 'schema token budget timeout', 'zeppelin cache', 'parse'];

  it('returns exactly the full query’s ranking while the matches fit its budget', async () => {
    await open();
    await store.addLessons(Array.from({ length: 300 }, (_, index) => ({ lesson: searchLessonAt(index, 'acme') })));
    for (const query of QUERIES) {
      for (const limit of [1, 5, 20])
        expect(await ids('acme', query, limit)).toEqual(await fullQuery('acme', query, limit));
    }
  });

  it('past its budget keeps the rarest terms and scores a bounded window', async () => {
    await open(40);
    await store.addLessons(Array.from({ length: 300 }, (_, index) => ({ lesson: searchLessonAt(index, 'acme') })));
    const recentMatches = async (term: string, count: number) => {
      const recent = await sql<{ lesson_id: string }>`SELECT lesson_id FROM lessons_fts
        WHERE lessons_fts MATCH ${`"${term}"`} ORDER BY rowid DESC LIMIT ${count}`.execute(db);
      return new Set(recent.rows.map((row) => row.lesson_id));
    };
    // 'zeppelin' is in 9 lessons, 'cache' in far more than 40: every zeppelin lesson first, ranked
    // as the full query of that term ranks them, then the best of cache's 40 most recent matches.
    const zeppelin = await fullQuery('acme', 'zeppelin', 20, ['zeppelin']);
    expect(zeppelin).toHaveLength(9);
    const found = await ids('acme', 'zeppelin cache', 20);
    expect(found.slice(0, 9)).toEqual(zeppelin);
    const cacheWindow = await recentMatches('cache', 40);
    for (const id of found.slice(9)) expect(cacheWindow.has(id)).toBe(true);
    expect(found).toHaveLength(20);
    // Only common words: the best of the rarer one's 40 most recent matches.
    const common = await ids('acme', 'cache retry', 10);
    expect(common).toHaveLength(10);
    const windows = [await recentMatches('cache', 40), await recentMatches('retry', 40)];
    expect(windows.some((window) => common.every((id) => window.has(id)))).toBe(true);
  });

  it('answers a small tenant beside a large one with the full query', async () => {
    await open(40);
    await store.addLessons(Array.from({ length: 3 }, (_, index) => ({ lesson: searchLessonAt(index, 'globex') })));
    await store.addLessons(Array.from({ length: 300 }, (_, index) => ({ lesson: searchLessonAt(index, 'acme') })));
    for (const query of QUERIES) expect(await ids('globex', query, 5)).toEqual(await fullQuery('globex', query, 5));
  });
});
