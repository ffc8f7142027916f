// Guardrail latency: time per check (p50 / p99) of the injection guard on user prompts and on tool
// outputs, the PII redactor, and the whole input pipeline, beside a trivial baseline measured in the
// same run (a lowercase + includes over the same texts), plus how long the classifier takes to load,
// and the PII redactor with and without its prefilter (pii-prefilter.ts), on the dev texts and on the
// short strings a run's guard_output walks.
// Texts are the dev split of data/injection and data/pii. Run with `npx tsx bench/guardrails.bench.ts [rounds]`.
import { performance } from 'node:perf_hooks';
import { createGuardrailPipeline } from '../src/guardrails/guardrail-pipeline.js';
import { loadDefaultInjectionModel } from '../src/guardrails/injection-classifier.js';
import { createInjectionDetector } from '../src/guardrails/injection-detector.js';
import { defaultPiiDetectors } from '../src/guardrails/pii-detectors.js';
import { createPiiRedactor, piiRedaction } from '../src/guardrails/pii-redactor.js';
import { readInjectionCorpus, readPiiCorpus } from '../src/guardrails/test-support/safety-corpus.js';

const rounds = Number.parseInt(process.argv[2] ?? '5', 10);
const injection = readInjectionCorpus('dev');
const prompts = injection.filter((item) => item.channel === 'input').map((item) => item.text);
const toolOutputs = injection.filter((item) => item.channel === 'tool_output').map((item) => item.text);
const piiTexts = readPiiCorpus('dev').map((item) => item.text);

const loadStart = performance.now();
const model = loadDefaultInjectionModel();
const loadMs = performance.now() - loadStart;
const detector = createInjectionDetector(model);
const redactor = createPiiRedactor();
const pipeline = createGuardrailPipeline();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name: string, texts: string[], check: (text: string) => unknown | Promise<unknown>) {
  for (const text of texts) await check(text); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const text of texts) {
      const start = performance.now();
      await check(text);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  console.log(
    `${name.padEnd(38)} p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  max ${samples.at(-1)?.toFixed(3)} ms  (${samples.length} checks)`,
  );
  return { p50, p99 };
}

const chars = (texts: string[]) => Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
console.log(
  `classifier load ${loadMs.toFixed(1)} ms; prompts avg ${chars(prompts)} chars, tool outputs avg ${chars(toolOutputs)} chars`,
);
const baseline = await measure('baseline (lowercase + includes)', prompts, (text) =>
  text.toLowerCase().includes('ignore'),
);
const guard = await measure('injection detector, user prompts', prompts, (text) => detector.detect(text, 'input'));
await measure('injection detector, tool outputs', toolOutputs, (text) => detector.detect(text, 'tool_output'));
await measure('PII redactor', piiTexts, (text) => redactor.check(text));
const gated = piiRedaction(defaultPiiDetectors());
const ungated = piiRedaction(defaultPiiDetectors(), { prefilter: false });
const runStrings = [
  'What is 21 * 2? Use the calculator.',
  'analyst',
  '42',
  'calculator',
  '21 * 2',
  'The answer is 42.',
];
// Interleaved, so both sides see the same machine load.
for (let pass = 0; pass < 2; pass++) {
  for (const [name, redact] of [
    ['with prefilter', gated],
    ['without prefilter', ungated],
  ] as const) {
    await measure(`PII ${name}, dev texts`, piiTexts, redact);
    await measure(`PII ${name}, run-path strings`, runStrings, redact);
  }
}
const full = await measure('input pipeline (injection + PII)', prompts, (text) => pipeline.checkInput(text));
await measure('tool-output screening', toolOutputs, (text) => pipeline.screenToolOutput(text, { tool: 'bench' }));
console.log(
  `ratios vs baseline at p50: injection ${(guard.p50 / baseline.p50).toFixed(0)}×, pipeline ${(full.p50 / baseline.p50).toFixed(0)}×; budget 2 ms per check`,
);
