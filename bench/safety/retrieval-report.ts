// Tool retrieval quality on the TEST split of data/retrieval — the split no weight, example or
// threshold was chosen on: top-1, top-4 and MRR overall, per family and per register, for the
// registry's ranking and, beside it, BM25 over names, tags, descriptions and categories alone (the
// fields the retriever ranked on before examples and word vectors).
// Usage: npm run bench:retrieval (or import and await the default export)
import { pathToFileURL } from 'node:url';
import { createBuiltinTools } from '../../src/tools/builtin-tools.js';
import { createTextIndex, type TextIndex } from '../../src/tools/retrieval/text-index.js';
import { expandToolQuery } from '../../src/tools/retrieval/tool-query.js';
import { type CorpusFile, type CorpusItem, readCorpusSplit } from '../../src/tools/test-support/retrieval-corpus.js';
import { createToolRegistry } from '../../src/tools/tool-registry.js';
import type { ToolRegistry, ToolSpec } from '../../src/tools/tool-spec.js';

interface Score {
  count: number;
  top1: number;
  top4: number;
  reciprocalRank: number;
}

type Ranker = (request: string) => string[];

const RANKED = 10;

function score(items: readonly CorpusItem[], rank: Ranker): Map<string, Score> {
  const groups = new Map<string, Score>();
  const add = (key: string, position: number): void => {
    const entry = groups.get(key) ?? { count: 0, top1: 0, top4: 0, reciprocalRank: 0 };
    entry.count++;
    if (position === 0) entry.top1++;
    if (position >= 0 && position < 4) entry.top4++;
    if (position >= 0) entry.reciprocalRank += 1 / (position + 1);
    groups.set(key, entry);
  };
  for (const item of items) {
    const position = rank(item.text).findIndex((name) => item.tools.includes(name));
    add('overall', position);
    add(`family ${item.family}`, position);
    add(`register ${item.register}`, position);
    if (item.lang !== 'en') add('non-English', position);
  }
  return groups;
}

const format = (entry: Score | undefined): string =>
  entry
    ? `${(entry.top1 / entry.count).toFixed(3)}  ${(entry.top4 / entry.count).toFixed(3)}  ${(entry.reciprocalRank / entry.count).toFixed(3)}`
    : '-';

export default async function retrievalReport(): Promise<void> {
  const tools = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' });
  const registry = createToolRegistry({ tools, timeoutMs: 1_000 });
  const previous = createTextIndex(tools, [
    { name: 'name', boost: 3, extract: (tool) => tool.name },
    { name: 'tags', boost: 2, extract: (tool) => tool.tags.join(' ') },
    { name: 'description', boost: 1, extract: (tool) => tool.description },
    { name: 'category', boost: 0.5, extract: (tool) => tool.category },
  ]);
  for (const split of ['test', 'test-v2', 'test-v3'] as const) splitReport(split, registry, previous, tools.length);
}

function splitReport(
  split: CorpusFile,
  registry: ToolRegistry,
  previous: TextIndex<ToolSpec>,
  toolCount: number,
): void {
  const test = readCorpusSplit(split);
  const current = score(test, (request) => registry.search(request, { limit: RANKED }).map((tool) => tool.name));
  const baseline = score(test, (request) =>
    previous.search(expandToolQuery(request), { limit: RANKED }).map((hit) => hit.item.name),
  );

  console.log(`\ntool retrieval on the ${split} split of data/retrieval (${test.length} requests, ${toolCount} tools)`);
  console.log("riptide's own labelled set: written for this catalog, so read it as a floor check, not a benchmark.");
  console.log(`${'group'.padEnd(24)} ${'n'.padStart(4)}  registry: top-1  top-4  MRR   BM25 only: top-1  top-4  MRR`);
  const keys = [...current.keys()].sort((left, right) =>
    left === 'overall' ? -1 : right === 'overall' ? 1 : left.localeCompare(right),
  );
  for (const key of keys) {
    const entry = current.get(key) as Score;
    console.log(
      `${key.padEnd(24)} ${String(entry.count).padStart(4)}  ${format(entry).padEnd(28)}  ${format(baseline.get(key))}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await retrievalReport();
