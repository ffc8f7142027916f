// Builds src/tools/retrieval/tool-examples.json: example requests in users' words per built-in tool,
// from data/retrieval/tool-examples-written.txt plus the TRAIN split only (never dev or test),
// the train ones chosen to differ from each other.
// Usage: npx tsx scripts/build-tool-examples.ts
import fs from 'node:fs';
import { createBuiltinTools } from '../src/tools/builtin-tools.js';
import { textTerms } from '../src/tools/retrieval/text-terms.js';
import { type CorpusItem, HELD_BACK_FILES, readCorpusSplit } from '../src/tools/test-support/retrieval-corpus.js';

const TARGET = new URL('../src/tools/retrieval/tool-examples.json', import.meta.url);
const WRITTEN = new URL('../data/retrieval/tool-examples-written.txt', import.meta.url);
const PER_TOOL = Number(process.env.RIPTIDE_EXAMPLES_PER_TOOL ?? 8);
// Hand-written requests first (widest range of phrasing), then the crowd-sourced and the original ones.
const SOURCE_ORDER = ['riptide-synthetic', 'clinc150', 'riptide-labels-v0'];

function overlap(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return shared / Math.max(1, Math.min(left.size, right.size));
}

/** Greedy max-min diversity: each next example is the one least like those already chosen. */
function pickDiverse(items: CorpusItem[], count: number): string[] {
  const candidates = items.map((item) => ({ text: item.text, terms: new Set(textTerms(item.text)) }));
  const chosen: typeof candidates = [];
  while (chosen.length < count && candidates.length > 0) {
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    candidates.forEach((candidate, index) => {
      const score = Math.max(0, ...chosen.map((picked) => overlap(candidate.terms, picked.terms)));
      if (score < bestScore) {
        best = index;
        bestScore = score;
      }
    });
    chosen.push(...candidates.splice(best, 1));
  }
  return chosen.map((candidate) => candidate.text);
}

/** `tool: example | example` lines; a tool named again (a later batch) adds to its examples. */
function readWritten(): Map<string, string[]> {
  const written = new Map<string, string[]>();
  for (const line of fs.readFileSync(WRITTEN, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const separator = line.indexOf(':');
    const examples = line
      .slice(separator + 1)
      .split('|')
      .map((example) => example.trim())
      .filter(Boolean);
    const name = line.slice(0, separator).trim();
    written.set(name, [...(written.get(name) ?? []), ...examples]);
  }
  return written;
}

const train = readCorpusSplit('train');
const written = readWritten();
// An example that repeats a request the ranker is measured on would make that request a lookup.
const measured = new Map(
  [
    ...readCorpusSplit('dev'),
    ...readCorpusSplit('test'),
    ...HELD_BACK_FILES.flatMap((file) => readCorpusSplit(file)),
  ].map((item) => [item.text.toLowerCase().replace(/\s+/g, ' ').trim(), item.id]),
);
for (const [name, list] of written)
  for (const example of list) {
    const repeated = measured.get(example.toLowerCase().replace(/\s+/g, ' ').trim());
    if (repeated) throw new Error(`written example for ${name} repeats measured request ${repeated}: "${example}"`);
  }
const tools = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://x' });
const examples: Record<string, string[]> = {};
for (const tool of [...tools].sort((a, b) => a.name.localeCompare(b.name))) {
  const items = train
    .filter((item) => item.tools[0] === tool.name)
    .sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
  if (items.length === 0) throw new Error(`no train request for ${tool.name}: write one before building`);
  const own = written.get(tool.name) ?? [];
  const picked = pickDiverse(items, PER_TOOL).filter(
    (text) => !own.some((example) => example.toLowerCase() === text.toLowerCase()),
  );
  examples[tool.name] = [...own, ...picked];
}
for (const name of written.keys()) if (!examples[name]) throw new Error(`written examples for unknown tool ${name}`);
fs.writeFileSync(TARGET, `${JSON.stringify(examples, null, 2)}\n`);
const total = Object.values(examples).reduce((sum, list) => sum + list.length, 0);
console.log(`${total} examples for ${Object.keys(examples).length} tools → ${TARGET.pathname}`);
