// Query expansion by the word vectors: a request word the BM25 index has never seen ("gratuity",
// "roster", "attendees") gets the catalog word nearest it in the vector space appended ("tip",
// "list", "participants"), so the lexical score can match what the user meant, not only what they typed.
import { isStopWord, splitWords } from './text-terms.js';
import type { WordVectorTable } from './word-vector-format.js';

export interface QueryExpansion {
  /** The request with the nearest catalog word of each word the index lacks appended. */
  expand(query: string, isIndexed: (word: string) => boolean): string;
}

export interface QueryExpansionOptions {
  /** A neighbour is appended only when its cosine with the request word reaches this. */
  minSimilarity: number;
}

const WORD = /^\p{L}{3,}$/u;
// Quoted text is what the tool should work on ("count the words in "one two three""), not what
// the user wants done, so its words are never expanded.
const QUOTED = /"[^"]*"|“[^”]*”|'[^'\s][^']*[^'\s]'/g;
// Words recur across requests far more than requests do; a bounded memo makes the scan rare.
const REMEMBERED_WORDS = 4096;

/** Expansion over `vocabulary` (the catalog's words; those missing from the table are dropped). */
export function createQueryExpansion(
  table: WordVectorTable,
  vocabulary: Iterable<string>,
  options: QueryExpansionOptions,
): QueryExpansion {
  const { dimensions } = table;
  const words: string[] = [];
  const rows: number[] = [];
  for (const word of new Set([...vocabulary].map((entry) => entry.toLowerCase()))) {
    const row = WORD.test(word) && !isStopWord(word) ? table.rowOf(word) : undefined;
    if (row === undefined) continue;
    words.push(word);
    rows.push(row);
  }
  const matrix = new Float32Array(words.length * dimensions);
  const scratch = new Float32Array(dimensions);
  rows.forEach((row, index) => {
    scratch.fill(0);
    table.addRow(row, 1, scratch);
    matrix.set(scratch, index * dimensions);
  });
  const remembered = new Map<string, string | null>();

  const nearest = (word: string): string | null => {
    const cached = remembered.get(word);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    const row = table.rowOf(word);
    if (row !== undefined) {
      scratch.fill(0);
      table.addRow(row, 1, scratch);
      let best = options.minSimilarity;
      for (let index = 0; index < words.length; index++) {
        const base = index * dimensions;
        let dot = 0;
        for (let d = 0; d < dimensions; d++) dot += matrix[base + d] * scratch[d];
        if (dot >= best && words[index] !== word) {
          best = dot;
          found = words[index];
        }
      }
    }
    if (remembered.size >= REMEMBERED_WORDS) remembered.clear();
    remembered.set(word, found);
    return found;
  };

  return {
    expand(query, isIndexed) {
      // Each neighbour once: several unindexed words near one catalog word must not outweigh the rest.
      const added = new Set<string>();
      for (const raw of splitWords(query.replace(QUOTED, ' '))) {
        const word = raw.toLowerCase();
        if (!WORD.test(word) || isStopWord(word) || isIndexed(word)) continue;
        const neighbour = nearest(word);
        if (neighbour) added.add(neighbour);
      }
      return added.size === 0 ? query : `${query} ${[...added].join(' ')}`;
    },
  };
}
