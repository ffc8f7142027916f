// Monitoring and costs at two history sizes side by side (default 1M and 10M usage records), on
// SQLite or PostgreSQL: both stores are bulk-loaded in SQL (generate rows server-side, then rebuild
// the rollups the way migration 0009 backfills them), then timed in interleaved rounds, so the
// growth ratio compares figures taken under the same machine load.
// Usage: npx tsx bench/monitoring.bench.ts [--postgres] [--sizes=1000000,10000000] [--rounds=15]
//   (PostgreSQL: RIPTIDE_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import Database from 'libsql';
import pg from 'pg';
import { createPostgresStore } from '../src/store/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { rebuildUsageRollups } from '../src/store/usage-rollups-migration.js';

const argument = (name: string) => process.argv.find((entry) => entry.startsWith(`--${name}=`))?.split('=')[1];
const onPostgres = process.argv.includes('--postgres');
const sizes = (argument('sizes') ?? '1000000,10000000').split(',').map(Number);
const ROUNDS = Number(argument('rounds') ?? 15);
const NOW = new Date('2026-03-10T12:00:00.000Z');
const POSTGRES_URL = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOAD_CHUNK = 1_000_000;

/**
 * Columns of synthetic row `i`, as SQL over an integer column `i`: 7 tenants, 3 modes, tokens, cost,
 * latencies up to 60 s, timestamps over the last 30 days (multiplicative hashes spread the values).
 */
function syntheticColumns(createdAt: string): string {
  return `'thread-' || i, 'tenant-' || (i % 7), 'synthetic task ' || i,
    CASE WHEN i % 5 = 4 THEN 'blocked' WHEN i % 5 = 3 THEN 'swarm' ELSE 'single' END,
    (i * 7919) % 4000, (i * 104729) % 1500, (i * 7919) % 4000 + (i * 104729) % 1500,
    ((i * 7919) % 4000) * 0.000001 + ((i * 104729) % 1500) * 0.000003,
    ((i * 48271) % 600000) / 10.0,
    CASE WHEN i % 10 = 0 OR i % 5 = 4 THEN 0 ELSE 1 END, CASE WHEN i % 5 = 4 THEN 1 ELSE 0 END,
    i % 6, (i % 6) / 2, 1 + i % 4, ${createdAt}`;
}
const USAGE_COLUMNS = `thread_id, tenant_id, task, mode, prompt_tokens, completion_tokens, total_tokens, cost_usd,
  latency_ms, success, blocked, tool_calls_total, tool_calls_valid, subtask_count, created_at`;

interface Loaded {
  count: number;
  store: Store;
  cleanup(): Promise<void>;
}

async function loadSqlite(count: number, directory: string): Promise<Loaded> {
  const file = path.join(directory, `usage-${count}.sqlite`);
  const store = await createSqliteStore({ file, now: () => NOW });
  const database = new Database(file);
  const nowSeconds = NOW.getTime() / 1000;
  const insert = database.prepare(`INSERT INTO usage (${USAGE_COLUMNS})
    WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
    SELECT ${syntheticColumns(`strftime('%Y-%m-%dT%H:%M:%fZ', ${nowSeconds} - (i * 7919) % 2592000, 'unixepoch')`)} FROM n`);
  // Indexes are rebuilt after the load: one sort each instead of ten million random insertions.
  const indexes = database
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'usage' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) database.exec(`DROP INDEX ${index.name}`);
  for (let start = 0; start < count; start += LOAD_CHUNK) {
    database.exec('BEGIN');
    insert.run([start, Math.min(count, start + LOAD_CHUNK)]);
    database.exec('COMMIT');
  }
  for (const index of indexes) database.exec(index.sql);
  database.exec('ANALYZE');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  await rebuildUsageRollups(db);
  await db.destroy();
  return { count, store, cleanup: async () => store.close() };
}

async function loadPostgres(count: number): Promise<Loaded> {
  const schema = `bench_storehot_monitoring_${count}_${process.pid}`;
  const store = await createPostgresStore({ url: POSTGRES_URL, schema, now: () => NOW });
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  const createdAt = `to_char(timestamp '${NOW.toISOString().slice(0, 19).replace('T', ' ')}' - ((i * 7919) % 2592000) * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  // Indexes are rebuilt after the load, as on SQLite.
  const indexes = (
    await sql<{ name: string; definition: string }>`SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = ${schema} AND tablename = 'usage' AND indexname <> 'usage_pkey'`.execute(db)
  ).rows;
  for (const index of indexes) await sql.raw(`DROP INDEX ${index.name}`).execute(db);
  for (let start = 0; start < count; start += LOAD_CHUNK) {
    const end = Math.min(count, start + LOAD_CHUNK) - 1;
    await sql
      .raw(`INSERT INTO usage (${USAGE_COLUMNS})
        SELECT ${syntheticColumns(createdAt)} FROM generate_series(${start}::bigint, ${end}::bigint) AS i`)
      .execute(db);
  }
  for (const index of indexes) await sql.raw(index.definition).execute(db);
  await rebuildUsageRollups(db);
  await sql`ANALYZE`.execute(db);
  await db.destroy();
  return {
    count,
    store,
    async cleanup() {
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-bench-storehot-'));
const loaded: Loaded[] = [];
try {
  for (const count of sizes) {
    const start = performance.now();
    loaded.push(onPostgres ? await loadPostgres(count) : await loadSqlite(count, directory));
    console.log(`loaded ${count} usage records in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const queries = {
    monitoring: (store: Store) => store.monitoring({ recent: 25 }),
    'monitoring (one tenant)': (store: Store) => store.monitoring({ recent: 25, tenantId: 'tenant-3' }),
    costs: (store: Store) => store.costsByTenant(),
  };
  const times = new Map<string, number[]>();
  for (const target of loaded) for (const query of Object.values(queries)) await query(target.store); // warm
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const target of loaded) {
      for (const [name, query] of Object.entries(queries)) {
        const key = `${name}@${target.count}`;
        times.set(key, [...(times.get(key) ?? []), await timed(() => query(target.store))]);
      }
    }
  }
  console.log(`${onPostgres ? 'PostgreSQL' : 'SQLite'}, p50 of ${ROUNDS} interleaved rounds (ms):`);
  for (const name of Object.keys(queries)) {
    const figures = sizes.map((count) => median(times.get(`${name}@${count}`) ?? []));
    const growth = figures.length > 1 ? `  growth ${(figures[figures.length - 1] / figures[0]).toFixed(2)}x` : '';
    console.log(
      `  ${name.padEnd(24)} ${sizes.map((count, index) => `${count}: ${figures[index].toFixed(1)}`).join('  ')}${growth}`,
    );
  }
} finally {
  for (const target of loaded) await target.cleanup();
  fs.rmSync(directory, { recursive: true, force: true });
}
