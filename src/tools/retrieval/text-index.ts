// A BM25 (BM25+, via MiniSearch) index over a fixed list of items with weighted text fields. Built
// once per item set; tools, roles and notes all rank through it so every surface agrees. An index
// can be saved as a snapshot and loaded back (MiniSearch's own serialisation), which skips the
// tokenising and stemming of every field that building costs.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
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
  /** The built index as plain JSON-safe data, for `TextIndexOptions.snapshot`. */
  snapshot(): TextIndexSnapshot;
  /** Whether a word's term occurs in the items (known only with `splitCompounds`; else always false). */
  knows(word: string): boolean;
}

/** A built index: MiniSearch's serialised form plus the terms compound splitting knows. */
export interface TextIndexSnapshot {
  engine: AsPlainObject;
  known: string[];
}

export interface TextIndexOptions {
  /** Terms at least this long match with one typo (default 6, where 20 % of the length allows one). */
  fuzzyMinLength?: number;
  /** Split query words the index lacks into two words it has ("urldecode" → "url decode"). */
  splitCompounds?: boolean;
  /**
   * A snapshot of this very index (same items, fields and options), loaded instead of indexing the
   * items again. Whoever passes one is responsible for it matching: it is not checked here.
   */
  snapshot?: TextIndexSnapshot;
}

const MIN_COMPOUND_PART = 2;
const MAX_FUZZY_QUERY_WORDS = 8;

/** The query with each unknown compound word followed by its two known parts. */
function withCompoundsSplit(query: string, known: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const word of splitWords(query)) {
    const term = processTerm(word);
    if (!term || known.has(term) || word.length < 2 * MIN_COMPOUND_PART + 2) continue;
    for (let cut = MIN_COMPOUND_PART + 1; cut <= word.length - MIN_COMPOUND_PART; cut++) {
      const [left, right] = [processTerm(word.slice(0, cut)), processTerm(word.slice(cut))];
      if (left && right && known.has(left) && known.has(right)) {
        parts.push(word.slice(0, cut), word.slice(cut));
        break;
      }
    }
  }
  return parts.length === 0 ? query : `${query} ${parts.join(' ')}`;
}

export function createTextIndex<T>(
  items: readonly T[],
  fields: readonly TextIndexField<T>[],
  indexOptions: TextIndexOptions = {},
): TextIndex<T> {
  const fuzzyMinLength = indexOptions.fuzzyMinLength ?? 6;
  const splitCompounds = indexOptions.splitCompounds ?? false;
  const engineOptions: Options<{ id: number }> = {
    fields: fields.map((field) => field.name),
    extractField: (document, fieldName) => {
      if (fieldName === 'id') return document.id;
      const field = fields.find((candidate) => candidate.name === fieldName);
      return field ? field.extract(items[document.id]) : '';
    },
    tokenize: splitWords,
    processTerm: (term) => processTerm(term) ?? false,
  };
  const prebuilt = indexOptions.snapshot;
  const engine = prebuilt ? MiniSearch.loadJS(prebuilt.engine, engineOptions) : new MiniSearch(engineOptions);
  if (!prebuilt) engine.addAll(items.map((_, id) => ({ id })));
  const known = new Set<string>(prebuilt?.known);
  if (splitCompounds && !prebuilt) {
    for (const item of items)
      for (const field of fields)
        for (const word of splitWords(field.extract(item))) {
          const term = processTerm(word);
          if (term) known.add(term);
        }
  }
  const boost = Object.fromEntries(fields.map((field) => [field.name, field.boost]));

  return {
    search(query, options = {}) {
      const filter = options.filter;
      const text = splitCompounds ? withCompoundsSplit(query, known) : query;
      // A long request says what it wants several times over, so a typo costs it little; matching
      // every one of its words fuzzily is what would take it past a millisecond.
      const fuzzy = splitWords(text).length <= MAX_FUZZY_QUERY_WORDS;
      const results = engine.search(text, {
        boost,
        combineWith: 'OR',
        // Prefix matches let "calc" find "calculator"; they count less than whole-term matches.
        prefix: (term) => term.length >= 3,
        // One typo per word is absorbed; more would flood short words and slow long queries down.
        // A term the index holds as it is was not mistyped: searching its neighbours one edit away
        // is most of a search's cost, and the exact match already scores higher than any of them.
        fuzzy: (term) => (fuzzy && term.length >= fuzzyMinLength && !known.has(term) ? 1 : false),
        maxFuzzy: 1,
        weights: { prefix: 0.5, fuzzy: 0.3 },
        filter: filter ? (result) => filter(items[result.id as number]) : undefined,
      });
      const hits = results
        .map((result) => ({ id: result.id as number, score: result.score }))
        .sort((left, right) => right.score - left.score || left.id - right.id)
        .map(({ id, score }) => ({ item: items[id], score }));
      return options.limit === undefined ? hits : hits.slice(0, Math.max(0, options.limit));
    },
    snapshot: () => ({ engine: engine.toJSON(), known: [...known] }),
    knows(word) {
      const term = processTerm(word);
      return term !== null && known.has(term);
    },
  };
}
