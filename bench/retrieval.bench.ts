// Latency of one tool retrieval over the whole catalog (every built-in tool, network tools on):
// the registry's fused ranking beside two baselines measured in the same run — a trivial
// word-overlap scan and the previous BM25-only index over names, descriptions and tags.
// Usage: npx tsx bench/retrieval.bench.ts
import { createBuiltinTools } from '../src/tools/builtin-tools.js';
import { createTextIndex } from '../src/tools/retrieval/text-index.js';
import { textTerms } from '../src/tools/retrieval/text-terms.js';
import { readCorpusSplit } from '../src/tools/test-support/retrieval-corpus.js';
import { createToolRegistry } from '../src/tools/tool-registry.js';

const ROUNDS = 5;
const LIMIT = 4;
const tools = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' });
// Requests in users' words; the train split, since latency needs no held-back data.
const requests = readCorpusSplit('train').map((item) => item.text);

function percentiles(work: (request: string) => unknown): { p50: number; p99: number; mean: number } {
  for (const request of requests) work(request);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const request of requests) {
      const start = performance.now();
      work(request);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return { p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)], mean };
}

const coldStart = performance.now();
const registry = createToolRegistry({ tools, timeoutMs: 1_000 });
registry.search('warm up the index and load the word vectors', { limit: LIMIT });
const coldMs = performance.now() - coldStart;

const toolTerms = tools.map((tool) => new Set(textTerms(`${tool.name} ${tool.description} ${tool.tags.join(' ')}`)));
const overlapScan = (request: string): string[] => {
  const terms = textTerms(request);
  return tools
    .map((tool, index) => ({ tool, score: terms.filter((term) => toolTerms[index].has(term)).length }))
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score)
    .slice(0, LIMIT)
    .map((entry) => entry.tool.name);
};
const bm25Only = createTextIndex(tools, [
  { name: 'name', boost: 3, extract: (tool) => tool.name },
  { name: 'tags', boost: 2, extract: (tool) => tool.tags.join(' ') },
  { name: 'description', boost: 1, extract: (tool) => tool.description },
  { name: 'category', boost: 0.5, extract: (tool) => tool.category },
]);

const rows: Array<[string, { p50: number; p99: number; mean: number }]> = [
  [
    'registry.search (BM25 + examples + word vectors)',
    percentiles((request) => registry.search(request, { limit: LIMIT })),
  ],
  [
    'baseline: BM25 over name/description/tags only',
    percentiles((request) => bm25Only.search(request, { limit: LIMIT })),
  ],
  ['baseline: word-overlap scan', percentiles(overlapScan)],
];
console.log(`tool retrieval over ${tools.length} tools, ${requests.length} requests × ${ROUNDS} rounds, per search:`);
for (const [label, { p50, p99, mean }] of rows) {
  console.log(`  ${label.padEnd(50)} p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  mean ${mean.toFixed(3)} ms`);
}
console.log(`  first search of a new registry (builds the index, loads the vectors): ${coldMs.toFixed(0)} ms`);
