// Semantic similarity between a request and a fixed list of items, from static word vectors: each
// text becomes a frequency-weighted average of its words' vectors (SIF, Arora et al. 2017), and an
// item scores the better cosine of its own description and of the centroid of its example requests.
import { isStopWord, splitWords } from './text-terms.js';
import type { WordVectorTable } from './word-vector-format.js';

export interface SemanticIndex {
  /** One cosine score per item, in the items' order; all 0 when the request has no known word. */
  scores(query: string): Float32Array;
  /** The embedded documents, for `SemanticIndexOptions.rows` (what building costs; the rest is cheap). */
  rows(): SemanticRows;
}

/** Every item's document vectors before centring: one row per document, with its item and weight. */
export interface SemanticRows {
  owners: number[];
  weights: number[];
  /** rows × dimensions values, row after row. */
  vectors: Float32Array;
}

export interface SemanticDocuments {
  /** The item's own description: name, description, tags. */
  profile: string;
  /** Requests in users' words the item answers. */
  examples: readonly string[];
}

export interface SemanticIndexOptions {
  /** How much the profile's cosine counts against the examples' (examples are nearer users' words). */
  profileWeight: number;
  /**
   * Rows embedded earlier from these very items, table and weight, used instead of embedding the
   * documents again. Whoever passes them is responsible for them matching: they are not checked here.
   */
  rows?: SemanticRows;
}

// SIF's smoothing constant and the harmonic number of GloVe's 400k-word vocabulary: together they
// turn a word's frequency rank into a weight that all but drops "the" and keeps "median".
const SIF_SMOOTHING = 1e-3;
const ZIPF_NORMALISER = Math.log(400_000) + 0.5772;

function wordWeight(row: number): number {
  const probability = 1 / ((row + 1) * ZIPF_NORMALISER);
  return SIF_SMOOTHING / (SIF_SMOOTHING + probability);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Folds accents away ("téléphone" → "telephone"): the table's words are mostly unaccented English. */
function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

function lookup(table: WordVectorTable, word: string): number | undefined {
  const lower = word.toLowerCase();
  const row = table.rowOf(lower) ?? (NON_ASCII.test(lower) ? table.rowOf(foldAccents(lower)) : undefined);
  if (row !== undefined || lower.length < 4) return row;
  // A plural the table lacks is most often its singular plus s/es.
  if (lower.endsWith('es')) return table.rowOf(lower.slice(0, -2)) ?? table.rowOf(lower.slice(0, -1));
  if (lower.endsWith('s')) return table.rowOf(lower.slice(0, -1));
  return undefined;
}

function normalise(vector: Float32Array): Float32Array | null {
  let norm = 0;
  for (let d = 0; d < vector.length; d++) norm += vector[d] * vector[d];
  if (norm === 0) return null;
  norm = Math.sqrt(norm);
  for (let d = 0; d < vector.length; d++) vector[d] /= norm;
  return vector;
}

/** A unit vector for a text, or null when none of its words is in the table. */
export function embedText(table: WordVectorTable, text: string): Float32Array | null {
  const sum = new Float32Array(table.dimensions);
  for (const word of splitWords(text)) {
    if (isStopWord(word)) continue;
    const row = lookup(table, word);
    if (row !== undefined) table.addRow(row, wordWeight(row), sum);
  }
  return normalise(sum);
}

/** The normalised mean of the texts' vectors: one row per item keeps a search well under a millisecond. */
function centroid(table: WordVectorTable, texts: readonly string[]): Float32Array | null {
  const sum = new Float32Array(table.dimensions);
  for (const text of texts) {
    const vector = embedText(table, text);
    if (vector) for (let d = 0; d < sum.length; d++) sum[d] += vector[d];
  }
  return normalise(sum);
}

/** Each item's profile vector and examples centroid, the rows of the index. */
function embedDocuments<T>(
  items: readonly T[],
  documentsOf: (item: T) => SemanticDocuments,
  table: WordVectorTable,
  profileWeight: number,
): SemanticRows {
  const owners: number[] = [];
  const weights: number[] = [];
  const rows: Float32Array[] = [];
  items.forEach((item, index) => {
    const documents = documentsOf(item);
    const add = (vector: Float32Array | null, weight: number): void => {
      if (!vector) return;
      owners.push(index);
      weights.push(weight);
      rows.push(vector);
    };
    add(embedText(table, documents.profile), profileWeight);
    add(centroid(table, documents.examples), 1);
  });
  const vectors = new Float32Array(rows.length * table.dimensions);
  rows.forEach((row, index) => {
    vectors.set(row, index * table.dimensions);
  });
  return { owners, weights, vectors };
}

export function createSemanticIndex<T>(
  items: readonly T[],
  documentsOf: (item: T) => SemanticDocuments,
  table: WordVectorTable,
  options: SemanticIndexOptions,
): SemanticIndex {
  const { dimensions } = table;
  const documentRows = options.rows ?? embedDocuments(items, documentsOf, table, options.profileWeight);
  const { owners, weights } = documentRows;
  // Copies: centring below works in place and the rows must stay as embedded for rows().
  const rows = owners.map((_, row) => documentRows.vectors.slice(row * dimensions, (row + 1) * dimensions));
  // Every request shares a "this is a request" direction; removing the documents' mean vector leaves
  // what tells one item from another (the same idea as removing GloVe's dominant directions).
  const centre = new Float32Array(dimensions);
  for (const row of rows) for (let d = 0; d < dimensions; d++) centre[d] += row[d] / rows.length;
  const centred = (vector: Float32Array): Float32Array => {
    for (let d = 0; d < dimensions; d++) vector[d] -= centre[d];
    return normalise(vector) ?? vector;
  };
  const matrix = new Float32Array(rows.length * dimensions);
  // Typed copies: the scoring loop reads them once per row per search.
  const rowOwners = Int32Array.from(owners);
  const rowWeights = Float32Array.from(weights);
  rows.forEach((row, index) => {
    matrix.set(centred(row), index * dimensions);
  });

  return {
    rows: () => documentRows,
    scores(query) {
      const scores = new Float32Array(items.length);
      const embedded = embedText(table, query);
      if (!embedded) return scores;
      const vector = centred(embedded);
      scores.fill(-1);
      // Four running sums: independent additions the CPU overlaps, instead of one long chain.
      const tail = dimensions - (dimensions % 4);
      for (let row = 0; row < rowOwners.length; row++) {
        const base = row * dimensions;
        let dot0 = 0;
        let dot1 = 0;
        let dot2 = 0;
        let dot3 = 0;
        for (let d = 0; d < tail; d += 4) {
          dot0 += matrix[base + d] * vector[d];
          dot1 += matrix[base + d + 1] * vector[d + 1];
          dot2 += matrix[base + d + 2] * vector[d + 2];
          dot3 += matrix[base + d + 3] * vector[d + 3];
        }
        for (let d = tail; d < dimensions; d++) dot0 += matrix[base + d] * vector[d];
        const score = (dot0 + dot1 + dot2 + dot3) * rowWeights[row];
        const owner = rowOwners[row];
        if (score > scores[owner]) scores[owner] = score;
      }
      return scores;
    },
  };
}
