// A BM25 (BM25+, via MiniSearch) index over a fixed list of items with weighted text fields. Built
// once per item set; tools, roles and notes all rank through it so every surface agrees.
import MiniSearch from 'minisearch';
import { processTerm, splitWords } from './text-terms.js';

export interface TextIndexField<T> {
  name: string;
  /** How much a match in this field counts relative to a weight-1 field. */
  boost: number;
  extract: (item: T) => string;
}

export interface TextIndexHit<T> {
  item: T;
  score: number;
}

export interface TextIndex<T> {
  /** Items ranked for a query, best first; ties keep the items' original order. */
  search(query: string, options?: { limit?: number; filter?: (item: T) => boolean }): TextIndexHit<T>[];
}

export function createTextIndex<T>(items: readonly T[], fields: readonly TextIndexField<T>[]): TextIndex<T> {
  const engine = new MiniSearch<{ id: number }>({
    fields: fields.map((field) => field.name),
    extractField: (document, fieldName) => {
      if (fieldName === 'id') return document.id;
      const field = fields.find((candidate) => candidate.name === fieldName);
      return field ? field.extract(items[document.id]) : '';
    },
    tokenize: splitWords,
    processTerm: (term) => processTerm(term) ?? false,
  });
  engine.addAll(items.map((_, id) => ({ id })));
  const boost = Object.fromEntries(fields.map((field) => [field.name, field.boost]));

  return {
    search(query, options = {}) {
      const filter = options.filter;
      const results = engine.search(query, {
        boost,
        combineWith: 'OR',
        // Prefix matches let "calc" find "calculator"; they count less than whole-term matches.
        prefix: (term) => term.length >= 3,
        // Light fuzziness absorbs typos in longer words without flooding short ones.
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        weights: { prefix: 0.5, fuzzy: 0.3 },
        filter: filter ? (result) => filter(items[result.id as number]) : undefined,
      });
      const hits = results
        .map((result) => ({ id: result.id as number, score: result.score }))
        .sort((left, right) => right.score - left.score || left.id - right.id)
        .map(({ id, score }) => ({ item: items[id], score }));
      return options.limit === undefined ? hits : hits.slice(0, Math.max(0, options.limit));
    },
  };
}
