// Scale-out scenario: 2 API processes (`serve --no-worker`) + 2 workers on one PostgreSQL database,
// a local fake OpenAI server answering every chat call after 200 ms. RUNS background runs are
// submitted across both APIs; one worker is SIGKILLed mid-way (a fresh one replaces it, so the
// survivor is not alone for the rest); every run must complete, each side-effect claim exist once
// per run, and a stream joined from the other replica — disconnected mid-way and resumed with
// Last-Event-ID — must equal the full stored sequence. Then throughput with 1 worker vs 2.
// Usage: npx tsx bench/scale-out/scale-out.ts [--runs 1000] [--concurrency 32]
//   (needs `npm run build:server`; PostgreSQL at RIPTIDE_TEST_POSTGRES_URL, default the local `test` db)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startFakeOpenAiServer } from '../../src/test-support/fake-openai-server.js';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const RUNS = Number(argument('runs', '1000'));
const CONCURRENCY = argument('concurrency', '32');
const ADMIN_URL = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLI = new URL('../../bin/riptide.js', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const fake = await startFakeOpenAiServer({ responseDelayMs: 200, reply: () => ({ content: 'done' }) });

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `riptide_scale_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function start(
  args: string[],
  env: Record<string, string>,
  readyText: string,
): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const ready = new Promise<void>((resolve) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(readyText)) resolve();
    });
  });
  return { child, ready };
}

async function cluster(url: string, workers: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-scale-'));
  const env = {
    RIPTIDE_DATABASE_URL: url,
    RIPTIDE_DATA_DIR: dataDir,
    RIPTIDE_PROVIDER: 'custom',
    RIPTIDE_API_BASE: fake.url,
    RIPTIDE_API_KEY: 'fake',
    RIPTIDE_MODEL: 'fake-model',
    RIPTIDE_LOG_LEVEL: 'error',
    RIPTIDE_RUN_LEASE_MS: '3000',
    RIPTIDE_RATE_LIMIT: '10000000',
    RIPTIDE_MAX_CONCURRENT_RUNS: '100000',
  };
  const apis = [8101, 8102].map((port) =>
    start(['serve', '--port', String(port), '--no-worker'], env, 'riptide serving'),
  );
  await Promise.all(apis.map((api) => api.ready));
  const startWorker = () => start(['worker', '--concurrency', CONCURRENCY], env, 'riptide worker running');
  const workerProcesses = Array.from({ length: workers }, startWorker);
  await Promise.all(workerProcesses.map((worker) => worker.ready));
  return {
    ports: [8101, 8102],
    workers: workerProcesses,
    startWorker,
    async stop() {
      for (const proc of [...apis, ...workerProcesses]) proc.child.kill('SIGKILL');
      await sleep(300);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function submit(port: number, task: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ task, memory: false, guardrails: false, single: true }),
  });
  if (response.status !== 202) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { thread_id: string }).thread_id;
}

async function statusCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = await client.query<{ status: string; count: string }>(
    'SELECT status, count(*) FROM runs GROUP BY status',
  );
  await client.end();
  return Object.fromEntries(rows.rows.map((row) => [row.status, Number(row.count)]));
}

/** Reads SSE frames (id + data) until `stopAfter` frames or the stream ends. */
async function readStream(port: number, threadId: string, lastEventId: string | null, stopAfter = Infinity) {
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/api/runs/${threadId}/stream`, {
    headers: lastEventId === null ? {} : { 'last-event-id': lastEventId },
    signal: controller.signal,
  });
  const frames: { id: string; data: string }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body?.getReader();
  while (reader && frames.length < stopAfter) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1 && frames.length < stopAfter) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id !== undefined && data !== undefined) frames.push({ id, data });
      end = buffer.indexOf('\n\n');
    }
  }
  controller.abort();
  return frames;
}

async function waitAll(url: string, total: number, deadlineMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const counts = await statusCounts(url);
    if ((counts.completed ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0) >= total || Date.now() > deadline) {
      return counts;
    }
    await sleep(250);
  }
}

/** Submits `runs` across both APIs and waits for all of them; returns runs/s. */
async function throughput(workers: number, runs: number): Promise<number> {
  const db = await freshDatabase();
  const nodes = await cluster(db.url, workers);
  const started = performance.now();
  await Promise.all(Array.from({ length: runs }, (_, index) => submit(nodes.ports[index % 2], `task number ${index}`)));
  await waitAll(db.url, runs, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await nodes.stop();
  await db.drop();
  return runs / seconds;
}

// The scenario.
const db = await freshDatabase();
const nodes = await cluster(db.url, 2);
const threads: string[] = [];
const started = performance.now();
const submitting = (async () => {
  for (let batch = 0; batch < RUNS; batch += 50) {
    const size = Math.min(50, RUNS - batch);
    threads.push(
      ...(await Promise.all(
        Array.from({ length: size }, (_, offset) =>
          submit(nodes.ports[(batch + offset) % 2], `task number ${batch + offset}`),
        ),
      )),
    );
  }
})();
// Join one early run's stream from the other API, disconnect after 2 events, resume with Last-Event-ID.
while (threads.length === 0) await sleep(20);
const watched = threads[0];
const firstPart = await readStream(nodes.ports[1], watched, null, 2);
const rest = await readStream(nodes.ports[1], watched, firstPart.at(-1)?.id ?? null);
// Kill one worker mid-way, and start a replacement.
await submitting;
while (((await statusCounts(db.url)).completed ?? 0) < RUNS / 2) await sleep(100);
nodes.workers[0].child.kill('SIGKILL');
const replacement = nodes.startWorker();
nodes.workers.push(replacement);
const counts = await waitAll(db.url, RUNS, 600_000);
const elapsed = (performance.now() - started) / 1000;
const full = await readStream(nodes.ports[0], watched, null);
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const attempts = await client.query<{ count: string }>('SELECT count(*) FROM runs WHERE attempt > 1');
await client.end();
await nodes.stop();
await db.drop();
const joined = [...firstPart, ...rest];
const streamOk =
  joined.length === full.length &&
  joined.every((frame, index) => frame.id === full[index].id && frame.data === full[index].data);

console.log(`scale-out: ${RUNS} runs, 2 APIs + 2 workers (concurrency ${CONCURRENCY}), 200 ms per model reply`);
console.log(
  `  statuses: ${JSON.stringify(counts)} in ${elapsed.toFixed(1)} s; runs continued after the SIGKILL: ${attempts.rows[0].count}`,
);
console.log(
  `  joined stream from the other replica, disconnect + Last-Event-ID: ${streamOk ? 'every event once, in order' : 'MISMATCH'} (${full.length} frames)`,
);
const small = Math.min(RUNS, 400);
const one = await throughput(1, small);
const two = await throughput(2, small);
console.log(
  `  throughput (${small} runs): 1 worker ${one.toFixed(1)} runs/s, 2 workers ${two.toFixed(1)} runs/s → ${(two / one).toFixed(2)}×`,
);
await fake.close();
process.exit(counts.completed === RUNS && streamOk ? 0 : 1);
