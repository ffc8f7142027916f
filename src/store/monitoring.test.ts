// Monitoring and cost aggregates over 200 000 seeded usage records must equal a straightforward
// in-memory computation over the same records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite-store.js';
import type { MonitoringAggregates, Store, UsageRecord } from './store.js';
import { monitoringReference } from './test-support/monitoring-reference.js';
import { syntheticUsage } from './test-support/synthetic-usage.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const COUNT = 200_000;

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

describe('usage aggregates over 200 000 records', () => {
  let directory: string;
  let store: Store;
  let records: (UsageRecord & { created_at: string })[];

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    store = await createSqliteStore({ file: path.join(directory, 'riptide.sqlite'), now: () => NOW });
    records = syntheticUsage({ count: COUNT, now: NOW }) as (UsageRecord & { created_at: string })[];
    await store.recordUsageBatch?.(records);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('answers monitoring exactly like the in-memory computation', async () => {
    const actual: MonitoringAggregates = await store.monitoring({ days: 14, recent: 25 });
    const expected = monitoringReference(records, { now: NOW, days: 14, recent: 25 });

    expect(actual.totals.runs).toBe(COUNT);
    for (const field of Object.keys(expected.totals) as (keyof MonitoringAggregates['totals'])[]) {
      expectClose(actual.totals[field], expected.totals[field]);
    }
    expect(actual.totals.p95_latency_ms).toBe(expected.totals.p95_latency_ms);
    expectRecordsClose(actual.by_mode, expected.by_mode);
    expectRecordsClose(actual.by_tenant, expected.by_tenant);
    expect(actual.daily.map((day) => [day.date, day.runs, day.tokens])).toEqual(
      expected.daily.map((day) => [day.date, day.runs, day.tokens]),
    );
    actual.daily.forEach((day, index) => {
      expectClose(day.cost_usd, expected.daily[index].cost_usd);
    });
    expect(actual.recent).toEqual(expected.recent);
  });

  it('answers costs per tenant and tenant spend like the in-memory computation', async () => {
    const costs = await store.costsByTenant();
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
    expectRecordsClose(costs as unknown as Record<string, Record<string, number>>, expected);
    expectClose(await store.tenantSpend('acme'), expected.acme.cost_usd);
  });
});
