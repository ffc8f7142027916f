// Monitoring over 200 000 usage records: the store's SQL aggregates (covering indexes, p95 read off
// an index) against the baseline of selecting every row and computing in JS, measured in one run.
// Usage: npx tsx bench/monitoring.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import type { UsageRecord } from '../src/store/store.js';
import { monitoringReference } from '../src/store/test-support/monitoring-reference.js';
import { syntheticUsage } from '../src/store/test-support/synthetic-usage.js';

const COUNT = 200_000;
const ROUNDS = 5;
const NOW = new Date('2026-03-10T12:00:00.000Z');

async function median(rounds: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-bench-'));
const file = path.join(directory, 'riptide.sqlite');
try {
  const store = await createSqliteStore({ file, now: () => NOW });
  await store.recordUsageBatch?.(syntheticUsage({ count: COUNT, now: NOW }));

  const raw = new Database(file);
  const baseline = () => {
    const rows = raw.prepare('SELECT * FROM usage ORDER BY id').all() as Record<string, unknown>[];
    const records = rows.map((row) => ({
      ...(row as unknown as UsageRecord & { created_at: string }),
      success: row.success === 1,
      blocked: row.blocked === 1,
    }));
    return monitoringReference(records, { now: NOW });
  };

  // Warm both paths once (statement caches, page cache) before timing.
  await store.monitoring();
  baseline();
  const sqlMs = await median(ROUNDS, () => store.monitoring());
  const baselineMs = await median(ROUNDS, baseline);
  raw.close();
  await store.close();

  console.log(`monitoring() over ${COUNT} rows, median of ${ROUNDS}:`);
  console.log(`  SQL aggregates            ${sqlMs.toFixed(1)} ms`);
  console.log(`  select all + compute in JS ${baselineMs.toFixed(1)} ms`);
  console.log(`  ratio (baseline / SQL)    ${(baselineMs / sqlMs).toFixed(1)}x`);
} finally {
  fs.rmSync(directory, { recursive: true, force: true });
}
