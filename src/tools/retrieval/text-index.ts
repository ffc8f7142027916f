// A BM25 (BM25+, via MiniSearch) index over a fixed list of items with weighted text fields. Built
// once per item set; tools, roles and notes all rank through it so every surface agrees. An index
// can be saved as a snapshot and loaded back (MiniSearch's own serialisation), which skips the
// tokenising and stemming of every field that building costs.
import { LRUCache } from 'lru-cache';
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
// Query terms whose matches an index remembers, least recently used out first: requests are new far
// more often than their words are, and a remembered term costs an addition per matching item instead
// of a MiniSearch walk. Bounded by matches kept (12 bytes each), so ≤ 3 MB whatever the terms.
const REMEMBERED_MATCHES = 250_000;

/** The items one query term matches (exactly, by prefix or one typo) and its BM25 score in each. */
interface TermMatches {
  ids: Int32Array;
  scores: Float64Array;
}

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

  const searchOptions = (fuzzy: boolean) => ({
    boost,
    // The term is already processed: stemming a stem again could change it.
    tokenize: (term: string) => [term],
    processTerm: (term: string) => term,
    // Prefix matches let "calc" find "calculator"; they count less than whole-term matches.
    prefix: (term: string) => term.length >= 3,
    // One typo per word is absorbed; more would flood short words and slow long queries down.
    // A term the index holds as it is was not mistyped: searching its neighbours one edit away
    // is most of a search's cost, and the exact match already scores higher than any of them.
    fuzzy: (term: string) => (fuzzy && term.length >= fuzzyMinLength && !known.has(term) ? 1 : false),
    maxFuzzy: 1,
    weights: { prefix: 0.5, fuzzy: 0.3 },
  });
  const remembered = new LRUCache<string, TermMatches>({
    maxSize: REMEMBERED_MATCHES,
    sizeCalculation: (matches) => matches.ids.length + 1,
  });
  const termMatches = (term: string, fuzzy: boolean): TermMatches => {
    const key = `${fuzzy ? 'f' : 'x'}${term}`;
    let matches = remembered.get(key);
    if (!matches) {
      const results = engine.search(term, searchOptions(fuzzy));
      matches = {
        ids: Int32Array.from(results, (result) => result.id as number),
        scores: Float64Array.from(results, (result) => result.score),
      };
      remembered.set(key, matches);
    }
    return matches;
  };
  // Per search (reset after it): an item's summed score and how many distinct query terms matched it.
  const summed = new Float64Array(items.length);
  const matchedTerms = new Int32Array(items.length);

  return {
    // MiniSearch's OR query, one term at a time: an item scores the sum of its terms' scores times
    // the number of distinct query terms it matched (MiniSearch's own "quality" factor), so the
    // ranking is the one engine.search(text) gives, from remembered per-term matches.
    search(query, options = {}) {
      const filter = options.filter;
      const text = splitCompounds ? withCompoundsSplit(query, known) : query;
      const words = splitWords(text);
      // A long request says what it wants several times over, so a typo costs it little; matching
      // every one of its words fuzzily is what would take it past a millisecond.
      const fuzzy = words.length <= MAX_FUZZY_QUERY_WORDS;
      const touched: number[] = [];
      const counted = new Set<string>();
      for (const word of words) {
        const term = processTerm(word);
        if (!term) continue;
        const { ids, scores } = termMatches(term, fuzzy);
        // A repeated term adds its score again but counts once among the distinct terms matched.
        const firstTime = !counted.has(term);
        counted.add(term);
        for (let index = 0; index < ids.length; index++) {
          const id = ids[index];
          if (matchedTerms[id] === 0) touched.push(id);
          summed[id] += scores[index];
          if (firstTime) matchedTerms[id]++;
        }
      }
      const hits: TextIndexHit<T>[] = [];
      const order = touched
        .filter((id) => !filter || filter(items[id]))
        .map((id) => ({ id, score: summed[id] * matchedTerms[id] }));
      for (const id of touched) {
        summed[id] = 0;
        matchedTerms[id] = 0;
      }
      order.sort((left, right) => right.score - left.score || left.id - right.id);
      for (const { id, score } of order) hits.push({ item: items[id], score });
      return options.limit === undefined ? hits : hits.slice(0, Math.max(0, options.limit));
    },
    snapshot: () => ({ engine: engine.toJSON(), known: [...known] }),
    knows(word) {
      const term = processTerm(word);
      return term !== null && known.has(term);
    },
  };
}
