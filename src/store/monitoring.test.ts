// Monitoring and cost aggregates read from the usage rollups must equal a straightforward in-memory
// computation over the same records (p95 within the histogram's 1 %), on SQLite and PostgreSQL:
// when written as a batch, one record at a time, and after the migration's backfill rebuilt them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, Kysely as SqliteKysely, sql } from 'kysely';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from './postgres-store.js';
import { createSqliteStore } from './sqlite-store.js';
import type { MonitoringAggregates, Store, UsageRecord } from './store.js';
import { monitoringReference } from './test-support/monitoring-reference.js';
import { POSTGRES_TEST_URL, postgresReachable } from './test-support/postgres-test-server.js';
import { syntheticUsage } from './test-support/synthetic-usage.js';
import { rebuildUsageRollups } from './usage-rollups-migration.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const BATCH_COUNT = 20_000;
const SINGLE_COUNT = 300;

type StoredUsage = UsageRecord & { created_at: string };

function expectClose(actual: number, expected: number) {
  // Float sums in a different order differ in the last bits only.
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function expectRecordsClose(
  actual: Record<string, Record<string, number>>,
  expected: Record<string, Record<string, number>>,
) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) {
    expect(Object.keys(actual[key]).sort()).toEqual(Object.keys(expected[key]).sort());
    for (const field of Object.keys(expected[key])) expectClose(actual[key][field], expected[key][field]);
  }
}

function expectMonitoringLike(actual: MonitoringAggregates, expected: MonitoringAggregates) {
  for (const field of Object.keys(expected.totals) as (keyof MonitoringAggregates['totals'])[]) {
    if (field === 'p95_latency_ms') continue;
    expectClose(actual.totals[field], expected.totals[field]);
  }
  expect(Math.abs(actual.totals.p95_latency_ms - expected.totals.p95_latency_ms)).toBeLessThanOrEqual(
    0.01 * expected.totals.p95_latency_ms,
  );
  expectRecordsClose(actual.by_mode, expected.by_mode);
  expectRecordsClose(actual.by_tenant, expected.by_tenant);
  expect(actual.daily.map((day) => [day.date, day.runs, day.tokens])).toEqual(
    expected.daily.map((day) => [day.date, day.runs, day.tokens]),
  );
  actual.daily.forEach((day, index) => {
    expectClose(day.cost_usd, expected.daily[index].cost_usd);
  });
  expect(actual.recent).toEqual(expected.recent);
}

function costsReference(records: StoredUsage[]) {
  const expected: Record<string, Record<string, number>> = {};
  for (const record of records) {
    expected[record.tenant_id] ??= {
      runs: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      cost_usd: 0,
      blocked: 0,
    };
    const row = expected[record.tenant_id];
    row.runs += 1;
    row.prompt_tokens += record.prompt_tokens;
    row.completion_tokens += record.completion_tokens;
    row.total_tokens += record.total_tokens;
    row.cost_usd += record.cost_usd;
    row.blocked += record.blocked ? 1 : 0;
  }
  return expected;
}

interface Backend {
  open(): Promise<Store>;
  /** A kysely instance on the same database, for rebuilding the rollups the way the migration does. */
  raw(): Promise<{ db: Kysely<any>; close(): Promise<void> }>;
  cleanup(): Promise<void>;
}

function rollupSuite(name: string, backend: () => Promise<Backend | undefined>) {
  describe(`usage rollups on ${name}`, () => {
    let target: Backend | undefined;
    let store: Store;
    let records: StoredUsage[];

    beforeAll(async () => {
      target = await backend();
      if (!target) return;
      store = await target.open();
      const batch = syntheticUsage({ count: BATCH_COUNT, now: NOW }) as StoredUsage[];
      await store.recordUsageBatch?.(batch);
      // One at a time too, including through a run's end, with ids distinct from the batch's.
      const singles = (syntheticUsage({ count: SINGLE_COUNT, seed: 7, now: NOW }) as StoredUsage[]).map(
        (record, index) => ({ ...record, thread_id: `single-${index}` }),
      );
      for (const record of singles.slice(0, SINGLE_COUNT / 2)) await store.recordUsage(record);
      for (const record of singles.slice(SINGLE_COUNT / 2)) {
        await store.createRun({
          thread_id: record.thread_id,
          tenant_id: record.tenant_id,
          task: record.task,
          options: {} as never,
          interactive: false,
          history: [],
          status: 'running',
          session_id: null,
          workflow_name: null,
          owner: 'owner',
          lease_expires_at: null,
        });
        expect(
          await store.finishRun(record.thread_id, 'owner', {
            status: 'failed',
            result: null,
            usage: record,
            events: [],
          }),
        ).toBe(true);
      }
      records = [...batch, ...singles];
    }, 300_000);

    afterAll(async () => {
      if (!target) return;
      await store.close();
      await target.cleanup();
    });

    const check = async () => {
      const actual = await store.monitoring({ days: 14, recent: 25 });
      expect(actual.totals.runs).toBe(BATCH_COUNT + SINGLE_COUNT);
      expectMonitoringLike(actual, monitoringReference(records, { now: NOW, days: 14, recent: 25 }));
      const acme = records.filter((record) => record.tenant_id === 'acme');
      expectMonitoringLike(
        await store.monitoring({ days: 30, recent: 40, tenantId: 'acme' }),
        monitoringReference(acme, { now: NOW, days: 30, recent: 40 }),
      );
      const costs = costsReference(records);
      expectRecordsClose((await store.costsByTenant()) as unknown as Record<string, Record<string, number>>, costs);
      expectClose(await store.tenantSpend('acme'), costs.acme.cost_usd);
    };

    it('answers monitoring and costs like the in-memory computation', async (context) => {
      if (!target) return context.skip();
      await check();
    });

    it('answers the same after the backfill rebuilt the rollups from the usage table', async (context) => {
      if (!target) return context.skip();
      const raw = await target.raw();
      try {
        await sql`DELETE FROM usage_rollup_latency`.execute(raw.db);
        expect((await store.monitoring()).totals.p95_latency_ms).toBe(0);
        await rebuildUsageRollups(raw.db);
      } finally {
        await raw.close();
      }
      await check();
    });
  });
}

rollupSuite('SQLite', async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  const file = path.join(directory, 'riptide.sqlite');
  return {
    open: () => createSqliteStore({ file, now: () => NOW }),
    async raw() {
      const db = new SqliteKysely<any>({ dialect: new SqliteDialect({ database: new Database(file) }) });
      return { db, close: () => db.destroy() };
    },
    async cleanup() {
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
});

rollupSuite('PostgreSQL', async () => {
  if (!(await postgresReachable())) return undefined;
  const schema = `riptide_test_rollups_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return {
    open: () => createPostgresStore({ url: POSTGRES_TEST_URL, schema, now: () => NOW }),
    async raw() {
      const pool = new pg.Pool({ connectionString: POSTGRES_TEST_URL, options: `-c search_path=${schema}` });
      const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
      return { db, close: () => db.destroy() };
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
});
