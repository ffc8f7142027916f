// riptide on the peers workload (one agent, one tool call, a deterministic in-process model) against
// the bare AI SDK doing the same in the same process, interleaved round by round. The AI SDK floor
// is `generateText` with the calculator and `stopWhen: stepCountIs(2)`: two model calls (the tool
// call, then the answer). riptide runs its real run path through the `languageModel` seam of
// `createRiptide`: plan, worker (the tool call) and finalize — three calls on the plain graph, plus
// reflect with the defaults (memory + guardrails). Both sides see the same model object, so what is
// left after charging riptide the floor's cost per call is the framework's own cost.
//
// Framework CPU per model call = (riptide CPU per run − floor CPU per run × calls / 2) / calls.
// Retained memory per run: heap growth across a batch after forced GC, divided by the runs.
//
// Usage: node --expose-gc --import tsx bench/peers-workload.bench.ts [runs per round] [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { generateText, jsonSchema, stepCountIs, tool } from 'ai';
import { loadConfig } from '../src/config/config.js';
import { createRiptide } from '../src/riptide.js';
import { readModelCallMetadata } from '../src/spec/model-call.js';

const runsPerRound = Number.parseInt(process.argv[2] ?? '300', 10);
const rounds = Number.parseInt(process.argv[3] ?? '5', 10);
const TASK = 'What is 21 * 2? Use the calculator.';
const ANSWER = 'The answer is 42.';
const gc = (globalThis as { gc?: () => void }).gc;

const usage = {
  inputTokens: { total: 60, noCache: 60, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 8, text: 8, reasoning: undefined },
};

/** What the model answers a call: a tool call when the worker has not yet seen a tool result. */
function replyFor(options: LanguageModelV3CallOptions): LanguageModelV3Content[] {
  const { purpose } = readModelCallMetadata(options.providerOptions);
  if (purpose === 'plan')
    return [{ type: 'text', text: JSON.stringify({ subtasks: [{ subtask: TASK, depends_on: [] }] }) }];
  if (purpose === 'reflect') {
    const lesson = { lesson: 'For arithmetic use the calculator and report the exact result.', tags: ['arithmetic'] };
    return [{ type: 'text', text: JSON.stringify(lesson) }];
  }
  const sawToolResult = options.prompt.some((message) => message.role === 'tool');
  const wantsTool = (purpose === 'worker' || purpose === 'chat') && !sawToolResult;
  if (!wantsTool) return [{ type: 'text', text: ANSWER }];
  return [
    {
      type: 'tool-call',
      toolCallId: 'call_1',
      toolName: 'calculator',
      input: JSON.stringify({ expression: '21 * 2' }),
    },
  ];
}

/** A LanguageModelV3 with no per-call bookkeeping, shared by both sides. */
const model: LanguageModelV3 = {
  specificationVersion: 'v3',
  provider: 'bench',
  modelId: 'bench-model',
  supportedUrls: {},
  async doGenerate(options): Promise<LanguageModelV3GenerateResult> {
    const content = replyFor(options);
    const toolCall = content.some((part) => part.type === 'tool-call');
    return {
      content,
      finishReason: { unified: toolCall ? 'tool-calls' : 'stop', raw: undefined },
      usage,
      warnings: [],
    };
  },
  async doStream(options) {
    const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
    for (const part of replyFor(options)) {
      if (part.type === 'text')
        parts.push(
          { type: 'text-start', id: 't' },
          { type: 'text-delta', id: 't', delta: part.text },
          { type: 'text-end', id: 't' },
        );
      else parts.push(part as LanguageModelV3StreamPart);
    }
    parts.push({ type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage });
    return {
      stream: new ReadableStream({
        start: (controller) => {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    };
  },
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-peers-bench-'));
const config = loadConfig({ RIPTIDE_DATA_DIR: dataDir, RIPTIDE_PROVIDER: 'offline', RIPTIDE_LOG_LEVEL: 'silent' });
const riptide = await createRiptide(config, { languageModel: model });
const calculatorSpec = riptide.tools.get('calculator');
if (!calculatorSpec) throw new Error('the calculator tool is missing from the catalog');
const calculator = tool({
  description: calculatorSpec.description,
  inputSchema: jsonSchema<{ expression: string }>(calculatorSpec.json_schema as never),
  execute: async (args) => calculatorSpec.handler(args, { tenantId: 'default' } as never),
});

interface Side {
  name: string;
  calls: number;
  once: () => Promise<string>;
}
const sides: Side[] = [
  {
    name: 'aisdk',
    calls: 2,
    once: async () =>
      (await generateText({ model, prompt: TASK, tools: { calculator }, stopWhen: stepCountIs(2) })).text,
  },
  {
    name: 'riptide plain',
    calls: 3,
    once: async () => (await riptide.runs.runTask({ task: TASK, memory: false, guardrails: false })).final_answer,
  },
  { name: 'riptide defaults', calls: 4, once: async () => (await riptide.runs.runTask({ task: TASK })).final_answer },
];

interface Sample {
  cpuUsPerRun: number;
  retainedKiBPerRun: number;
}
async function measure(side: Side): Promise<Sample> {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runsPerRound; i++) {
    const answer = await side.once();
    if (!answer.includes('42')) throw new Error(`${side.name} answered ${JSON.stringify(answer)}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  return { cpuUsPerRun: (cpu.user + cpu.system) / runsPerRound, retainedKiBPerRun: retained / 1024 / runsPerRound };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

for (const side of sides) for (let i = 0; i < 30; i++) await side.once(); // warm-up: JIT, caches, the SQLite file
const samples = new Map<string, Sample[]>(sides.map((side) => [side.name, []]));
for (let round = 0; round < rounds; round++) {
  for (const side of sides) samples.get(side.name)?.push(await measure(side));
}

const floor = median((samples.get('aisdk') ?? []).map((s) => s.cpuUsPerRun));
console.log(
  `peers workload, ${rounds} rounds × ${runsPerRound} runs, interleaved${gc ? '' : ' (run with --expose-gc for retained memory)'}`,
);
console.log('side               calls  CPU µs/run  × floor  framework CPU µs/call  retained KiB/run');
for (const side of sides) {
  const cpu = median((samples.get(side.name) ?? []).map((s) => s.cpuUsPerRun));
  const retained = median((samples.get(side.name) ?? []).map((s) => s.retainedKiBPerRun));
  const perCall = side.name === 'aisdk' ? floor / 2 : (cpu - (floor * side.calls) / 2) / side.calls;
  console.log(
    `${side.name.padEnd(18)} ${String(side.calls).padStart(5)}  ${cpu.toFixed(0).padStart(10)}  ${(cpu / floor).toFixed(2).padStart(7)}  ${perCall.toFixed(0).padStart(21)}  ${gc ? retained.toFixed(2).padStart(16) : '—'.padStart(16)}`,
  );
}
console.log('(framework CPU per call for aisdk is its own cost per call: floor / 2)');
await riptide.close();
fs.rmSync(dataDir, { recursive: true, force: true });
