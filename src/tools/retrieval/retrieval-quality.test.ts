// Retrieval quality on the DEV split of data/retrieval (the split the ranker's weights were chosen
// on; the test split is read only by bench/safety/retrieval-report.ts), plus intent-phrased requests.
import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import { readCorpusSplit } from '../test-support/retrieval-corpus.js';
import { createToolRegistry } from '../tool-registry.js';
import { createToolRanker, DEFAULT_RANKER_WEIGHTS } from './tool-ranker.js';

const tools = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' });
const registry = createToolRegistry({ tools, timeoutMs: 1_000 });
const dev = readCorpusSplit('dev');

function accuracy(rank: (text: string) => string[]): { top1: number; top4: number; misses: string[] } {
  let top1 = 0;
  let top4 = 0;
  const misses: string[] = [];
  for (const item of dev) {
    const names = rank(item.text);
    if (item.tools.includes(names[0])) top1++;
    if (names.some((name) => item.tools.includes(name))) top4++;
    else misses.push(`${item.text} → ${names.join(', ')} (want ${item.tools.join('|')})`);
  }
  return { top1: top1 / dev.length, top4: top4 / dev.length, misses };
}

describe('tool retrieval quality (dev split)', () => {
  it('has a dev split of at least 150 requests naming existing tools', () => {
    expect(dev.length).toBeGreaterThanOrEqual(150);
    expect(dev.flatMap((item) => item.tools).filter((name) => !registry.get(name))).toEqual([]);
  });

  // On this split BM25 over names, descriptions and tags alone (the retriever before examples and
  // word vectors) scores top-1 0.541 / top-4 0.739; the fused ranker was tuned here to 0.874 / 0.966
  // (round 4: typo repair, a third batch of examples, bm25Share 0.35 and examplesBoost 3.5 picked on
  // this split's MRR; optimistic, since examples were written after reading dev misses); round 5
  // (batch-4 examples, query expansion by the vectors) reads 0.884 / 0.971. The bars
  // sit a few requests under the tuned figures, so losing the examples, the vectors or the repairs fails.
  it('reaches top-4 of at least 0.94 and top-1 of at least 0.84', () => {
    const { top1, top4, misses } = accuracy((text) => registry.search(text, { limit: 4 }).map((tool) => tool.name));
    console.log(`retrieval on dev (${dev.length} requests): top-1 ${top1.toFixed(3)}, top-4 ${top4.toFixed(3)}`);
    if (misses.length > 0) console.log(`top-4 misses:\n  ${misses.join('\n  ')}`);
    expect(top4).toBeGreaterThanOrEqual(0.94);
    expect(top1).toBeGreaterThanOrEqual(0.84);
  });

  it('ranks better with the semantic score than with BM25 alone', () => {
    const fused = createToolRanker(registry.list());
    const lexical = createToolRanker(registry.list(), { ...DEFAULT_RANKER_WEIGHTS, bm25Share: 1 });
    const withVectors = accuracy((text) => fused.rank(text, { limit: 4 }).map((tool) => tool.name));
    const withoutVectors = accuracy((text) => lexical.rank(text, { limit: 4 }).map((tool) => tool.name));
    expect(withVectors.top1 + withVectors.top4).toBeGreaterThan(withoutVectors.top1 + withoutVectors.top4);
  });
});

describe('tool retrieval by intent', () => {
  const topFour = (text: string): string[] => registry.search(text, { limit: 4 }).map((tool) => tool.name);

  it.each([
    ['here are the people coming to the workshop, I need a way to reach each of them by mail', 'extract_emails'],
    ['how much should I add for service on a 86 euro restaurant bill at 12 percent', 'percentage_of'],
    ['what have we written down internally about how releases get approved?', 'kb_search'],
    ['which delivery time sits exactly in the middle of these numbers', 'median'],
    ['what day is it today', 'current_datetime'],
    ['what is the clock showing right now in Lisbon', 'current_datetime'],
    ['compute 21 * 2', 'calculator'],
    ['calc', 'calculator'],
    ['urldecode this', 'url_decode'],
    ['where is 0 9 * * 1-5 going to fire next', 'cron_next_runs'],
    ['i want the distance between 52.52,13.40 and 48.85,2.35', 'geo_distance'],
  ])('finds the tool for %j', (request, tool) => {
    expect(topFour(request)).toContain(tool);
  });

  it('tells mirrored conversions apart by the order the request names the formats', () => {
    expect(topFour('yaml to json')[0]).toBe('yaml_to_json');
    expect(topFour('json to yaml')[0]).toBe('json_to_yaml');
    expect(topFour('turn this csv into json')[0]).toBe('csv_to_json');
    expect(topFour('export this json as csv')[0]).toBe('json_to_csv');
  });

  it('honours the allow-list, category and side-effect filters', () => {
    expect(
      registry.search('save a note', { allow: ['calculator', 'word_count'] }).map((tool) => tool.name),
    ).not.toContain('write_note');
    expect(registry.search('hash', { category: 'hashing' }).every((tool) => tool.category === 'hashing')).toBe(true);
    expect(registry.search('write a file', { includeSideEffecting: false }).some((tool) => tool.side_effecting)).toBe(
      false,
    );
  });

  it('is deterministic and returns nothing for a request with no known word', () => {
    const request = 'a colleague needs the figures from this report added together';
    expect(registry.search(request)).toEqual(registry.search(request));
    expect(registry.search('zzqx vvbn')).toEqual([]);
  });
});
