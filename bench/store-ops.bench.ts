// CPU per store operation on the run path — createRun, finishRun (status, result, events, usage
// and session turn in one transaction), recordUsage — and per bare statement through the SQLite
// driver, on a real SQLite file. Read it as a before/after figure when the driver or the usage
// write changes. Usage: npx tsx bench/store-ops.bench.ts [operations per kind] [--postgres]
//   (PostgreSQL: RIPTIDE_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../src/store/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { SAMPLE_OWNER, sampleResult, sampleRun, sampleUsage } from '../src/testing/store-fixtures.js';

const operations = Number.parseInt(process.argv.find((argument) => /^\d+$/.test(argument)) ?? '2000', 10);
const onPostgres = process.argv.includes('--postgres');
const WARMUP = 200;
const postgresUrl = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** CPU (user + system) and wall time per call of `work`, after a warm-up outside the measurement. */
async function perOperation(label: string, count: number, work: (index: number) => Promise<unknown>) {
  for (let index = 0; index < WARMUP; index += 1) await work(-index - 1);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let index = 0; index < count; index += 1) await work(index);
  const wall = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuUs = (cpu.user + cpu.system) / count;
  console.log(
    `  ${label.padEnd(26)} ${cpuUs.toFixed(1).padStart(8)} µs CPU/op  ${((wall * 1000) / count).toFixed(1).padStart(8)} µs wall/op`,
  );
}

async function openStore(directory: string): Promise<Store> {
  if (!onPostgres) return createSqliteStore({ file: path.join(directory, 'riptide.sqlite') });
  return createPostgresStore({ url: postgresUrl, schema: `bench_storehot_store_ops_${process.pid}` });
}

/** The bench's throwaway PostgreSQL schema goes with it. */
async function dropBenchSchema() {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS bench_storehot_store_ops_${process.pid} CASCADE`);
  await client.end();
}

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-bench-'));
const store = await openStore(directory);
try {
  console.log(`store operations on ${onPostgres ? 'PostgreSQL' : 'SQLite'}, ${operations} each:`);
  const threadOf = (index: number) => `thread-${index < 0 ? `warm${-index}` : index}`;
  await perOperation('createRun', operations, async (index) => {
    await store.createRun(sampleRun(threadOf(index)));
  });
  await perOperation('finishRun', operations, (index) => {
    const threadId = threadOf(index);
    return store.finishRun(threadId, SAMPLE_OWNER, {
      status: 'completed',
      result: sampleResult(threadId),
      usage: sampleUsage({ thread_id: threadId, latency_ms: 50 + (index % 500) }),
      session: {
        session_id: 'session-1',
        turn: { task: 'task', final_answer: '42', mode: 'single', blocked: false, thread_id: threadId },
      },
      events: [
        { seq: 1, event: { type: 'node', node: 'worker' } },
        { seq: 2, event: { type: 'final', answer: '42' } },
      ],
    });
  });
  await perOperation('recordUsage', operations, (index) =>
    store.recordUsage(sampleUsage({ thread_id: `usage-${index}`, latency_ms: 50 + (index % 500) })),
  );
  // Close to the driver's own cost per statement: one primary-key read.
  await perOperation('getRun (one SELECT)', operations, (index) => store.getRun(threadOf(index)));
} finally {
  await store.close();
  if (onPostgres) await dropBenchSchema();
  fs.rmSync(directory, { recursive: true, force: true });
}
