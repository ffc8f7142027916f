// Memory's CPU per run on the peers workload's pattern: one recall before and one remember after
// each run, the same task and lesson every time (so remember merges into the one lesson), on a fresh
// SQLite store — the memory part of a "defaults" run's cost, without the graph around it.
// Usage: npx tsx bench/memory-run-cost.bench.ts [runs, default 3000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMemory } from '../src/memory/create-memory.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';

const runs = Number(process.argv[2] ?? 3000);
const TASK = 'What is 21 * 2? Use the calculator.';
const WARM_UP = 200;

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-memory-cost-'));
const store = await createSqliteStore({ file: path.join(directory, 'memory.sqlite') });
const memory = createMemory({ store });
const reflected = (run: number) => ({
  tenantId: 'bench',
  threadId: `thread-${run}`,
  task: TASK,
  finalAnswer: 'The answer is 42.',
  success: true,
  lesson: 'Use the calculator for arithmetic instead of guessing.',
  tags: ['math', 'calculator'],
});
const cpuMicros = async (work: () => Promise<unknown>) => {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return used.user + used.system;
};

for (let run = 0; run < WARM_UP; run += 1) {
  await memory.recall('bench', TASK, { offline: true });
  await memory.remember(reflected(run));
}
let recall = 0;
let remember = 0;
for (let run = 0; run < runs; run += 1) {
  recall += await cpuMicros(() => memory.recall('bench', TASK, { offline: true, limit: 3 }));
  remember += await cpuMicros(() => memory.remember(reflected(WARM_UP + run)));
}
console.log(
  `memory CPU per run over ${runs} runs: recall ${(recall / runs).toFixed(0)} µs, remember ${(remember / runs).toFixed(0)} µs`,
);
await store.close();
fs.rmSync(directory, { recursive: true, force: true });
