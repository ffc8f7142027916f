// Queue overhead: the same task with the offline model, run synchronously (POST /run through the run
// service) and as a background run (queued, executed by the in-process worker, followed through its
// joined stream to the result), interleaved. Prints the median wall time of each and their ratio
// (goal ≤ 1.2×), the median CPU time of each (this process's, the worker's included: less sensitive
// than wall time to other load on a shared machine) and the load average.
// Usage: npx tsx bench/scale-out/queue-overhead.ts [--runs 60] [--warmup 20] [--backend sqlite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createRiptide } from '../../src/riptide.js';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const RUNS = Number(argument('runs', '60'));
// Pairs run first and not counted, so both paths are measured compiled rather than while the JIT warms up.
const WARMUP = Number(argument('warmup', '20'));
const BACKEND = argument('backend', 'sqlite');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-overhead-'));
const riptide = await createRiptide(
  loadConfig({
    RIPTIDE_DATA_DIR: dataDir,
    RIPTIDE_PROVIDER: 'offline',
    RIPTIDE_LOG_LEVEL: 'silent',
    ...(BACKEND === 'postgres'
      ? { RIPTIDE_DATABASE_URL: process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' }
      : {}),
  }),
);
const worker = riptide.background.startWorker({ concurrency: 4 });
const options = { task: 'compute 21 * 2', memory: false, offline: true };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall and CPU milliseconds of one run. */
async function timed(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const sync: { wall: number; cpu: number }[] = [];
const background: { wall: number; cpu: number }[] = [];
for (let index = 0; index < RUNS + WARMUP; index += 1) {
  // Interleaved, so drift of the machine's load hits both alike.
  const syncRun = await timed(() => riptide.runs.runTask(options));
  const backgroundRun = await timed(async () => {
    const { thread_id } = await riptide.background.submit({ options });
    for await (const frame of riptide.background.join(thread_id, -1, new AbortController().signal)) {
      if (frame.data.event === 'result') break;
    }
  });
  if (index < WARMUP) continue;
  sync.push(syncRun);
  background.push(backgroundRun);
}
const p50 = (runs: { wall: number; cpu: number }[], key: 'wall' | 'cpu') => median(runs.map((run) => run[key]));
const [syncMs, backgroundMs] = [p50(sync, 'wall'), p50(background, 'wall')];
const [syncCpu, backgroundCpu] = [p50(sync, 'cpu'), p50(background, 'cpu')];
console.log(
  `queue overhead (${BACKEND}, ${RUNS} runs after ${WARMUP}, offline model): sync /run p50 ${syncMs.toFixed(2)} ms, background p50 ${backgroundMs.toFixed(2)} ms → ${(backgroundMs / syncMs).toFixed(2)}×; CPU p50 ${syncCpu.toFixed(2)} vs ${backgroundCpu.toFixed(2)} ms → ${(backgroundCpu / syncCpu).toFixed(2)}×; load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);
await worker.drain(5_000);
await riptide.close();
fs.rmSync(dataDir, { recursive: true, force: true });
