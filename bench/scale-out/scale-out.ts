// Scale-out scenario (issue 17): 2 API processes (`serve --no-worker`) + 2 workers on one PostgreSQL
// database, a local fake OpenAI server answering every chat call after 200 ms. RUNS background runs
// are submitted across both APIs; each run's worker calls `append_file` once (a side effect outside
// the database: one file per run in the shared workspace). One worker is SIGKILLed once half the runs
// have completed (a fresh one replaces it, so the survivor is not alone for the rest). Checked: every
// run completes; every run's file holds exactly one line and the store holds one side-effect claim
// per run; streams joined from the replica the run was not submitted to — disconnected after a few
// events and resumed with Last-Event-ID — equal the full stored sequence, ids strictly increasing.
// Then throughput with 1 worker vs 2 on the same workload, interleaved rounds, medians.
// Every phase has a deadline that grows with the number of runs, so a stall fails instead of hanging.
// Usage: npx tsx bench/scale-out/scale-out.ts [--runs 1000] [--concurrency 8] [--rounds 5]
//          [--throughput-runs 300] [--throughput-only]
//   (needs `npm run build:server`; PostgreSQL at RIPTIDE_TEST_POSTGRES_URL, default the local `test` db)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startFakeOpenAiServer } from '../../src/test-support/fake-openai-server.js';
import {
  freshDatabase,
  type RiptideProcess,
  scratchDirectory,
  sleep,
  startRiptide,
  waitFor,
} from './cluster-processes.js';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const RUNS = Number(argument('runs', '1000'));
// Per worker. 8 runs in flight keep one worker waiting on the model most of the time on this 2-core
// machine (its CPU share is printed), so a second worker has idle capacity to add.
const CONCURRENCY = Number(argument('concurrency', '8'));
const ROUNDS = Number(argument('rounds', '5'));
const THROUGHPUT_RUNS = Number(argument('throughput-runs', String(Math.min(RUNS, 300))));
const WATCHED_STREAMS = Math.min(10, RUNS);
// Only the throughput rounds (for choosing the concurrency), not the scenario.
const THROUGHPUT_ONLY = process.argv.includes('--throughput-only');
const ADMIN_URL = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MODEL_DELAY_MS = 200;
const PORTS = [8101, 8102];

/**
 * A phase's deadline: a minute of slack plus the time its runs take at a quarter of the ideal rate
 * (every slot busy, 4 model calls of MODEL_DELAY_MS per run: the scenario prints the real count).
 */
function phaseBudgetMs(runs: number, workers: number): number {
  const idealRunsPerSecond = (workers * CONCURRENCY) / ((4 * MODEL_DELAY_MS) / 1000);
  return 60_000 + (runs / (idealRunsPerSecond / 4)) * 1000;
}

const taskNumber = (text: string) => /task number (\d+)/.exec(text)?.[1];

// The worker's first call (the one offered append_file) appends to its run's file; every other call
// answers "done". A tool result in the conversation means the call was made.
const fake = await startFakeOpenAiServer({
  responseDelayMs: MODEL_DELAY_MS,
  reply: (body) => {
    const offered = body.tools?.some((tool) => tool.function.name === 'append_file');
    const called = body.messages.some((message) => message.role === 'tool');
    const number = taskNumber(JSON.stringify(body.messages));
    if (!offered || called || number === undefined) return { content: 'done' };
    return {
      toolCalls: [{ name: 'append_file', arguments: { path: `effects/run-${number}.log`, content: 'executed\n' } }],
    };
  },
});

const task = (index: number) => `append a line to the log file for task number ${index}`;

interface Cluster {
  ports: number[];
  pool: pg.Pool;
  workspace: string;
  workers: RiptideProcess[];
  startWorker(): RiptideProcess;
  stop(): Promise<void>;
}

async function startCluster(url: string, workers: number, ports = PORTS): Promise<Cluster> {
  const data = scratchDirectory();
  const env = {
    RIPTIDE_DATABASE_URL: url,
    RIPTIDE_DATA_DIR: data.dir,
    RIPTIDE_PROVIDER: 'custom',
    RIPTIDE_API_BASE: fake.url,
    RIPTIDE_API_KEY: 'fake',
    RIPTIDE_MODEL: 'fake-model',
    RIPTIDE_LOG_LEVEL: 'error',
    RIPTIDE_RUN_LEASE_MS: '3000',
    RIPTIDE_RATE_LIMIT: '10000000',
    RIPTIDE_MAX_CONCURRENT_RUNS: '100000',
  };
  const apis = ports.map((port) =>
    startRiptide(['serve', '--port', String(port), '--no-worker'], env, 'riptide serving'),
  );
  await Promise.all(apis.map((api) => api.ready));
  const startWorker = () =>
    startRiptide(['worker', '--concurrency', String(CONCURRENCY)], env, 'riptide worker running');
  const workerProcesses = Array.from({ length: workers }, startWorker);
  await Promise.all(workerProcesses.map((worker) => worker.ready));
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    ports,
    pool,
    workspace: path.join(data.dir, 'workspace', 'tenants', 'default'),
    workers: workerProcesses,
    startWorker,
    async stop() {
      await pool.end();
      const all = [...apis, ...workerProcesses];
      for (const proc of all) proc.child.kill('SIGKILL');
      await Promise.all(
        all.map((proc) => (proc.child.exitCode === null && proc.child.signalCode === null ? waitExit(proc) : null)),
      );
      data.remove();
    },
  };
}

const waitExit = (proc: RiptideProcess) => new Promise((resolve) => proc.child.once('exit', resolve));

async function submit(port: number, index: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ task: task(index), memory: false, guardrails: false, single: true }),
  });
  if (response.status !== 202) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { thread_id: string }).thread_id;
}

async function statusCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const rows = await pool.query<{ status: string; count: string }>('SELECT status, count(*) FROM runs GROUP BY status');
  return Object.fromEntries(rows.rows.map((row) => [row.status, Number(row.count)]));
}

const finished = (counts: Record<string, number>) =>
  (counts.completed ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0);

interface Frame {
  id: string;
  data: string;
}

/** Reads SSE frames (id + data) until `stopAfter` frames, the stream's end, or `deadline`. */
async function readStream(
  port: number,
  threadId: string,
  lastEventId: string | null,
  deadline: number,
  stopAfter = Infinity,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
  const frames: Frame[] = [];
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/runs/${threadId}/stream`, {
      headers: lastEventId === null ? {} : { 'last-event-id': lastEventId },
      signal: controller.signal,
    });
    if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
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
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    // The forced disconnect: the client goes away mid-stream.
    controller.abort();
  }
  return frames;
}

/** Joins a run from `port`, drops the connection after `dropAfter` frames, resumes with Last-Event-ID. */
async function joinWithReconnect(port: number, threadId: string, dropAfter: number, deadline: number) {
  const first = await readStream(port, threadId, null, deadline, dropAfter);
  const rest = await readStream(port, threadId, first.at(-1)?.id ?? null, deadline);
  return [...first, ...rest];
}

function sameStream(joined: Frame[], full: Frame[]): boolean {
  const increasing = full.every((frame, index) => index === 0 || Number(frame.id) > Number(full[index - 1].id));
  const ends = full.length > 0 && JSON.parse(full[full.length - 1].data).event === 'result';
  return (
    increasing &&
    ends &&
    joined.length === full.length &&
    joined.every((frame, index) => frame.id === full[index].id && frame.data === full[index].data)
  );
}

/** Runs whose file does not hold exactly one line (missing, or the side effect ran twice). */
function sideEffectMismatches(workspace: string, runs: number): number[] {
  const wrong: number[] = [];
  for (let index = 0; index < runs; index++) {
    const file = path.join(workspace, 'effects', `run-${index}.log`);
    const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
    if (lines !== 1) wrong.push(index);
  }
  return wrong;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

interface Figure {
  /** Runs/s between the 10th and the 90th percentile completion. */
  rate: number;
  /** Runs/s from the first submit to the last completion. */
  wallRate: number;
  /** CPU seconds per second of each worker. */
  cpuShare: number;
  /** Median time of a run on its worker. */
  runMs: number;
}

/** Submits `runs` across the cluster's two APIs and waits for all of them. */
async function measure(nodes: Cluster, workers: number, runs: number): Promise<Figure> {
  const cpuBefore = nodes.workers.map((worker) => worker.cpuSeconds());
  const started = performance.now();
  await Promise.all(Array.from({ length: runs }, (_, index) => submit(nodes.ports[index % 2], index)));
  const deadline = Date.now() + phaseBudgetMs(runs, workers);
  const counts = await waitFor(`throughput with ${workers} worker(s)`, deadline, async () => {
    const now = await statusCounts(nodes.pool);
    return finished(now) >= runs ? now : null;
  });
  if ((counts.completed ?? 0) !== runs) throw new Error(`throughput run ended with ${JSON.stringify(counts)}`);
  const seconds = (performance.now() - started) / 1000;
  const cpu = nodes.workers.reduce((sum, worker, index) => sum + worker.cpuSeconds() - cpuBefore[index], 0);
  // A run's time on its worker: from its first stored events (written at its first checkpoint) to its end.
  const runTime = await nodes.pool.query<{ ms: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM (
       SELECT extract(epoch FROM r.updated_at::timestamptz - min(e.created_at)::timestamptz) * 1000 AS ms
       FROM runs r JOIN run_events e USING (thread_id) GROUP BY r.thread_id, r.updated_at) AS per_run`,
  );
  // Steady state: the completions between the 10th and the 90th percentile completion time, so
  // neither the ramp (submits still arriving) nor the tail (fewer runs left than slots) counts.
  const steady = await nodes.pool.query<{ seconds: number }>(
    `SELECT extract(epoch FROM max(at) FILTER (WHERE rank = $2) - max(at) FILTER (WHERE rank = $1)) AS seconds
     FROM (SELECT updated_at::timestamptz AS at, row_number() OVER (ORDER BY updated_at) AS rank FROM runs) AS done`,
    [Math.round(runs * 0.1), Math.round(runs * 0.9)],
  );
  return {
    rate: (Math.round(runs * 0.9) - Math.round(runs * 0.1)) / Number(steady.rows[0].seconds),
    wallRate: runs / seconds,
    cpuShare: cpu / workers / seconds,
    runMs: Number(runTime.rows[0].ms),
  };
}

/** One cluster with `workers` workers on a database of its own, measured on `runs` runs. */
async function throughput(workers: number, runs: number): Promise<Figure> {
  const db = await freshDatabase(ADMIN_URL);
  const nodes = await startCluster(db.url, workers);
  try {
    return await measure(nodes, workers, runs);
  } finally {
    await nodes.stop();
    await db.drop();
  }
}

/** The 2 + 2 scenario with the SIGKILL; true when every check holds. */
async function scenario(): Promise<boolean> {
  console.log(
    `scale-out: ${RUNS} runs, 2 APIs + 2 workers (concurrency ${CONCURRENCY} each), ${MODEL_DELAY_MS} ms per model reply; load average ${loadAverage()}`,
  );
  const db = await freshDatabase(ADMIN_URL);
  const nodes = await startCluster(db.url, 2);
  const deadline = Date.now() + phaseBudgetMs(RUNS, 2);
  const threads: string[] = [];
  const started = performance.now();
  const watchedEvery = Math.max(1, Math.floor(RUNS / WATCHED_STREAMS));
  const watching: Promise<{ threadId: string; frames: Frame[] }>[] = [];
  for (let batch = 0; batch < RUNS; batch += 50) {
    const size = Math.min(50, RUNS - batch);
    const ids = await Promise.all(
      Array.from({ length: size }, (_, offset) => submit(PORTS[(batch + offset) % 2], batch + offset)),
    );
    threads.push(...ids);
    ids.forEach((threadId, offset) => {
      const index = batch + offset;
      if (index % watchedEvery !== 0 || watching.length >= WATCHED_STREAMS) return;
      // Joined from the API the run was not submitted to; dropped after 1, 2 or 3 frames.
      const dropAfter = 1 + (watching.length % 3);
      watching.push(
        joinWithReconnect(PORTS[(index + 1) % 2], threadId, dropAfter, deadline).then((frames) => ({
          threadId,
          frames,
        })),
      );
    });
  }
  const submittedIn = (performance.now() - started) / 1000;
  // Kill one worker mid-way, and start a replacement.
  await waitFor('half of the runs completed', deadline, async () =>
    ((await statusCounts(nodes.pool)).completed ?? 0) >= RUNS / 2 ? true : null,
  );
  const runningAtKill = (await statusCounts(nodes.pool)).running ?? 0;
  nodes.workers[0].child.kill('SIGKILL');
  const replacement = nodes.startWorker();
  nodes.workers.push(replacement);
  await replacement.ready;
  let counts: Record<string, number>;
  try {
    counts = await waitFor('every run finished', deadline, async () => {
      const now = await statusCounts(nodes.pool);
      return finished(now) >= RUNS ? now : null;
    });
  } catch (error) {
    counts = await statusCounts(nodes.pool);
    console.log(`  ${(error as Error).message}: ${JSON.stringify(counts)}`);
  }
  const elapsed = (performance.now() - started) / 1000;
  const joined = await Promise.all(watching);
  const checkDeadline = Date.now() + 60_000;
  const streamChecks = await Promise.all(
    joined.map(async ({ threadId, frames }) =>
      sameStream(frames, await readStream(PORTS[0], threadId, null, checkDeadline)),
    ),
  );
  const streamFrames = joined.reduce((sum, { frames }) => sum + frames.length, 0);
  const continued = await nodes.pool.query<{ count: string }>('SELECT count(*) FROM runs WHERE attempt > 1');
  const claims = await nodes.pool.query<{ runs: string; claims: string }>(
    'SELECT count(DISTINCT thread_id) AS runs, count(*) AS claims FROM side_effects',
  );
  const wrongEffects = sideEffectMismatches(nodes.workspace, RUNS);
  const modelCalls = fake.requests.length;
  await nodes.stop();
  await db.drop();

  const allCompleted = counts.completed === RUNS;
  const streamsOk = streamChecks.every(Boolean);
  const effectsOk =
    wrongEffects.length === 0 && Number(claims.rows[0].claims) === RUNS && Number(claims.rows[0].runs) === RUNS;
  console.log(
    `  statuses: ${JSON.stringify(counts)} in ${elapsed.toFixed(1)} s (submitted in ${submittedIn.toFixed(1)} s, ${(modelCalls / RUNS).toFixed(2)} model calls per run); ${runningAtKill} running when a worker was SIGKILLed, ${continued.rows[0].count} runs continued by another worker`,
  );
  console.log(
    `  side effects: ${RUNS - wrongEffects.length} of ${RUNS} runs' files hold exactly one line${wrongEffects.length > 0 ? ` (wrong: ${wrongEffects.slice(0, 10).join(', ')})` : ''}; ${claims.rows[0].claims} claims for ${claims.rows[0].runs} runs`,
  );
  console.log(
    `  ${streamChecks.length} streams joined from the other replica, disconnected after 1-3 events, resumed with Last-Event-ID: ${streamChecks.filter(Boolean).length} equal the stored sequence (${streamFrames} frames)`,
  );
  return allCompleted && streamsOk && effectsOk;
}

const scenarioOk = THROUGHPUT_ONLY ? true : await scenario();

const describe = (figure: Figure) =>
  `${figure.rate.toFixed(1)} runs/s (first submit to last run ${figure.wallRate.toFixed(1)}; CPU ${(100 * figure.cpuShare).toFixed(0)} % of a core per worker, median run ${figure.runMs.toFixed(0)} ms)`;
// Throughput, interleaved: each round measures 1 worker and 2 workers back to back, the order
// alternating between rounds (one cluster at a time: two at once would take more connections than
// a shared PostgreSQL server allows). Medians of the rounds.
const rounds: { one: number; two: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const measured: Record<number, Figure> = {};
  for (const workers of round % 2 === 0 ? [1, 2] : [2, 1])
    measured[workers] = await throughput(workers, THROUGHPUT_RUNS);
  rounds.push({ one: measured[1].rate, two: measured[2].rate });
  console.log(
    `  round ${round + 1}: 1 worker ${describe(measured[1])}, 2 workers ${describe(measured[2])} → ${(measured[2].rate / measured[1].rate).toFixed(2)}×; load ${loadAverage()}`,
  );
}
const ratio = median(rounds.map((round) => round.two / round.one));
console.log(
  `  steady-state throughput (${THROUGHPUT_RUNS} runs, 10th-90th percentile completions, median of ${ROUNDS} interleaved rounds): 1 worker ${median(rounds.map((r) => r.one)).toFixed(1)} runs/s, 2 workers ${median(rounds.map((r) => r.two)).toFixed(1)} runs/s → ${ratio.toFixed(2)}× (goal ≥ 1.8×); load average ${loadAverage()}`,
);
await fake.close();
await sleep(50);
const ok = scenarioOk && ratio >= 1.8;
console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
process.exit(ok ? 0 : 1);
