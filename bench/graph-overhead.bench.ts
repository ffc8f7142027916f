// Graph overhead: CPU per offline run of "compute 21 * 2" through the agent graph, against a
// baseline measured in the same process — the same three offline model calls and the calculator,
// called directly without the graph. Run with `npx tsx bench/graph-overhead.bench.ts [runs]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { buildFinalizePrompt, buildPlanPrompt, buildWorkerPrompt } from '../src/core/prompt-builders.js';
import { createRiptide } from '../src/riptide.js';

const runs = Number.parseInt(process.argv[2] ?? '200', 10);
const warmup = 20;
const task = 'compute 21 * 2';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-bench-'));
const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir, RIPTIDE_PROVIDER: 'offline' }));
const { models, tools, roles, config } = riptide;

/** The same model and tool work a plain graph run does, without the graph. */
async function baselineOnce(): Promise<string> {
  const plan = buildPlanPrompt({ task, lessons: [], conversation: '' });
  await models.call({
    purpose: 'plan',
    offline: true,
    system: plan.system,
    messages: [{ role: 'user', content: plan.user }],
    json: true,
  });
  const role = roles.roleFor(task);
  const worker = buildWorkerPrompt({ task, subtask: task, role, upstream: [], lessons: [] });
  const offered = Object.fromEntries(
    tools
      .search(task, { limit: config.tools.topK, allow: role.tools })
      .map((tool) => [tool.name, { description: tool.description, json_schema: tool.json_schema }]),
  );
  const reply = await models.call({
    purpose: 'worker',
    offline: true,
    system: worker.system,
    messages: [{ role: 'user', content: worker.user }],
    tools: offered,
  });
  const call = reply.toolCalls[0];
  const ran = await tools.run(call.toolName, call.rawInput, {
    tenantId: 'default',
    workspaceDir: config.workspaceDir,
    signal: new AbortController().signal,
  });
  const output = ran.ok ? ran.output : '';
  const finalize = buildFinalizePrompt({
    task,
    results: [{ subtask: task, role: role.name, output }],
    conversation: '',
  });
  const answer = await models.call({
    purpose: 'finalize',
    offline: true,
    system: finalize.system,
    messages: [{ role: 'user', content: finalize.user }],
    onTextDelta: () => undefined,
  });
  return answer.text;
}

async function graphOnce(options: { memory: boolean; guardrails: boolean }): Promise<string> {
  const result = await riptide.runs.runTask({ task, offline: true, ...options });
  return result.final_answer;
}

async function cpuPerRun(label: string, once: () => Promise<string>): Promise<number> {
  for (let index = 0; index < warmup; index += 1) await once();
  const before = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < runs; index += 1) {
    const answer = await once();
    if (!answer.includes('42')) throw new Error(`${label}: unexpected answer ${answer}`);
  }
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000 / runs;
  const wallMs = (performance.now() - started) / runs;
  console.log(`${label.padEnd(34)} ${cpuMs.toFixed(3)} ms CPU/run  ${wallMs.toFixed(3)} ms wall/run`);
  return cpuMs;
}

console.log(`${runs} runs of "${task}" (offline), after ${warmup} warm-up runs`);
const baseline = await cpuPerRun('baseline (3 model calls + tool)', baselineOnce);
const plain = await cpuPerRun('graph, plain (memory/guards off)', () =>
  graphOnce({ memory: false, guardrails: false }),
);
const full = await cpuPerRun('graph, defaults (memory + guards)', () => graphOnce({ memory: true, guardrails: true }));
console.log(
  `ratio plain/baseline:    ${(plain / baseline).toFixed(2)}x  (overhead ${(plain - baseline).toFixed(3)} ms/run)`,
);
console.log(`ratio defaults/baseline: ${(full / baseline).toFixed(2)}x`);
await riptide.close();
fs.rmSync(dataDir, { recursive: true, force: true });
