// The BM25 index answers from remembered per-term matches exactly as one MiniSearch OR query over
// the same fields would (scores, the distinct-terms factor, ties), on first and repeated searches.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createTextIndex } from './text-index.js';
import { processTerm, splitWords } from './text-terms.js';

const items = [
  { title: 'calculator', body: 'evaluate arithmetic expressions and calculations' },
  { title: 'word count', body: 'count the words of a text, words and lines' },
  { title: 'median', body: 'the middle value of a list of numbers' },
  { title: 'mean average', body: 'the average of numbers, the arithmetic mean' },
  { title: 'json format', body: 'pretty print json text' },
];
const fields = [
  { name: 'title', boost: 3, extract: (item: (typeof items)[number]) => item.title },
  { name: 'body', boost: 1, extract: (item: (typeof items)[number]) => item.body },
];

function miniSearchRanking(query: string): Array<[string, number]> {
  const engine = new MiniSearch<{ id: number }>({
    fields: ['title', 'body'],
    extractField: (document, field) =>
      field === 'id' ? document.id : field === 'title' ? items[document.id].title : items[document.id].body,
    tokenize: splitWords,
    processTerm: (term) => processTerm(term) ?? false,
  });
  engine.addAll(items.map((_, id) => ({ id })));
  return engine
    .search(query, {
      boost: { title: 3, body: 1 },
      combineWith: 'OR',
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      maxFuzzy: 1,
      weights: { prefix: 0.5, fuzzy: 0.3 },
    })
    .map((result) => [items[result.id as number].title, result.score] as [string, number])
    .sort((left, right) => right[1] - left[1]);
}

describe('text index', () => {
  const index = createTextIndex(items, fields, { fuzzyMinLength: 6 });
  const ranking = (query: string) => index.search(query).map((hit) => [hit.item.title, hit.score] as [string, number]);

  it.each([
    'the average of these numbers',
    'count count the words',
    'calc the arithmetc',
    'middle numbers middle value',
  ])('ranks %j as a MiniSearch OR query does, the second time too', (query) => {
    const expected = miniSearchRanking(query);
    expect(expected.length).toBeGreaterThan(0);
    for (const actual of [ranking(query), ranking(query)]) {
      expect(actual.map(([title]) => title)).toEqual(expected.map(([title]) => title));
      actual.forEach(([, score], position) => {
        expect(score).toBeCloseTo(expected[position][1], 9);
      });
    }
  });

  it('applies the filter and the limit after ranking', () => {
    const hits = index.search('numbers average', { filter: (item) => item.title !== 'median', limit: 1 });
    expect(hits.map((hit) => hit.item.title)).toEqual(['mean average']);
  });
});
