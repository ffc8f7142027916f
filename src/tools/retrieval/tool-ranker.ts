// Ranks tools for a request by fusing two scores: BM25 (MiniSearch) over names, tags, descriptions,
// categories and example requests, and a semantic similarity from shipped static word vectors that
// catches requests phrased by intent rather than in the tool's words; a request word BM25 has never
// seen is expanded with the catalog word nearest it in the vector space. Deterministic for its inputs.
import { LRUCache } from 'lru-cache';
import type { ToolSpec } from '../tool-spec.js';
import { conversionDirection, conversionOf, directionWords } from './conversion-direction.js';
import { createQueryExpansion, type QueryExpansion } from './query-expansion.js';
import { createSemanticIndex, type SemanticIndex } from './semantic-index.js';
import { createTextIndex, type TextIndex } from './text-index.js';
import { splitWords } from './text-terms.js';
import { shippedToolIndexSnapshot, type ToolIndexSnapshot, toolIndexFingerprint } from './tool-index-snapshot.js';
import { expandToolQuery } from './tool-query.js';
import { withTypoRepairs } from './typo-repair.js';
import { wordVectors } from './word-vectors.js';

export interface ToolRankerWeights {
  /** BM25 field boosts, relative to the description's 1. */
  nameBoost: number;
  tagsBoost: number;
  categoryBoost: number;
  examplesBoost: number;
  /** The share of the fused score given to BM25 (normalised by the best hit); the rest is semantic. */
  bm25Share: number;
  /** How much the tool's own description counts in the semantic score against its examples. */
  profileWeight: number;
  /** A request word BM25 has never seen gets the catalog word nearest it appended when their cosine reaches this. */
  expansionSimilarity: number;
  /** A tool with no BM25 match is listed only when its semantic score reaches this. */
  semanticFloor: number;
  /** Query and index terms at least this long match with one typo. */
  fuzzyMinLength: number;
  /** Added for a `source_to_target` tool the request converts the right way, taken for the wrong way. */
  directionBonus: number;
}

/** Chosen on the dev split of data/retrieval (see bench/safety/retrieval-report.ts); never on test. */
export const DEFAULT_RANKER_WEIGHTS: ToolRankerWeights = {
  nameBoost: 3,
  tagsBoost: 2,
  categoryBoost: 0.5,
  examplesBoost: 3.5,
  bm25Share: 0.35,
  profileWeight: 1,
  expansionSimilarity: 0.7,
  semanticFloor: 0.35,
  directionBonus: 0.1,
  fuzzyMinLength: 4,
};

/** Distinct requests whose ranking a ranker remembers (workers ask the same few over and over). */
const CACHED_QUERIES = 512;

export interface ToolRanker {
  rank(query: string, options: { limit: number; filter?: (tool: ToolSpec) => boolean }): ToolSpec[];
  /** The built index, for scripts/build-tool-index.js (builds the semantic part if no search has). */
  indexSnapshot(): ToolIndexSnapshot;
}

export interface ToolRankerOptions {
  /**
   * A prebuilt index; default: the one shipped in dist when it was built for exactly these tools and
   * weights, else none (the index is built). null always builds.
   */
  snapshot?: ToolIndexSnapshot | null;
}

export function createToolRanker(
  tools: readonly ToolSpec[],
  weights: ToolRankerWeights = DEFAULT_RANKER_WEIGHTS,
  options: ToolRankerOptions = {},
): ToolRanker {
  const fingerprint = toolIndexFingerprint(tools, weights);
  const prebuilt = options.snapshot === undefined ? shippedToolIndexSnapshot(fingerprint) : options.snapshot;
  const positions = new Map(tools.map((tool, index) => [tool, index]));
  const conversions = tools.map((tool) => conversionOf(tool.name));
  const text: TextIndex<ToolSpec> = createTextIndex(
    tools,
    [
      { name: 'name', boost: weights.nameBoost, extract: (tool) => tool.name },
      { name: 'tags', boost: weights.tagsBoost, extract: (tool) => tool.tags.join(' ') },
      { name: 'description', boost: 1, extract: (tool) => tool.description },
      { name: 'category', boost: weights.categoryBoost, extract: (tool) => tool.category },
      { name: 'examples', boost: weights.examplesBoost, extract: (tool) => (tool.examples ?? []).join('\n') },
    ],
    { fuzzyMinLength: weights.fuzzyMinLength, splitCompounds: true, snapshot: prebuilt?.text },
  );
  // Built on the first search, so listing tools never pays for loading the vectors.
  let semantic: SemanticIndex | undefined;
  const semanticIndex = (): SemanticIndex => {
    semantic ??= createSemanticIndex(
      tools,
      (tool) => ({
        profile: `${tool.name} ${tool.description} ${tool.tags.join(' ')}`,
        examples: tool.examples ?? [],
      }),
      wordVectors(),
      { profileWeight: weights.profileWeight, rows: prebuilt?.semantic },
    );
    return semantic;
  };

  // Built with the semantic index, from the words tools describe themselves with (not their examples).
  let expansion: QueryExpansion | undefined;
  const queryExpansion = (): QueryExpansion => {
    expansion ??= createQueryExpansion(
      wordVectors(),
      tools.flatMap((tool) => splitWords(`${tool.name} ${tool.tags.join(' ')} ${tool.description} ${tool.category}`)),
      { minSimilarity: weights.expansionSimilarity },
    );
    return expansion;
  };

  // The words of tool names: a request word that begins one of them ("calc", "temp") is a short form.
  // Every proper prefix of at least 3 letters, so a request word is checked with one lookup.
  const namePrefixes = new Set<string>();
  for (const tool of tools)
    for (const name of tool.name.toLowerCase().split(/[^a-z]+/))
      if (name.length >= 4) for (let end = 3; end < name.length; end++) namePrefixes.add(name.slice(0, end));
  const isNamePrefix = (word: string) => namePrefixes.has(word);

  /** Every candidate tool of a request, best first, before any caller's filter. */
  const rankAll = (query: string): number[] => {
    const expanded = expandToolQuery(withTypoRepairs(wordVectors(), query, isNamePrefix));
    const lexical = text.search(
      weights.expansionSimilarity < 1 ? queryExpansion().expand(expanded, (word) => text.knows(word)) : expanded,
    );
    const best = lexical[0]?.score ?? 0;
    const bm25 = new Float32Array(tools.length);
    for (const hit of lexical) bm25[positions.get(hit.item) as number] = hit.score / best;
    const similarity = semanticIndex().scores(expanded);
    const words = directionWords(query);
    // Scores in one typed array and candidates as plain indexes: no object per tool per search.
    const fused = new Float64Array(tools.length);
    const ranked: number[] = [];
    for (let index = 0; index < tools.length; index++) {
      if (bm25[index] === 0 && similarity[index] < weights.semanticFloor) continue;
      const conversion = conversions[index];
      const direction = conversion && bm25[index] > 0 ? conversionDirection(conversion, words) : 0;
      fused[index] =
        weights.bm25Share * bm25[index] +
        (1 - weights.bm25Share) * Math.max(0, similarity[index]) +
        weights.directionBonus * direction;
      ranked.push(index);
    }
    return ranked.sort((left, right) => fused[right] - fused[left] || left - right);
  };
  // The ranking depends on the request alone (filters apply after, BM25 is normalised by the best
  // hit over the whole catalog), so it is cached by the request with its spacing folded.
  const rankings = new LRUCache<string, readonly number[]>({ max: CACHED_QUERIES });
  const candidates = (query: string): readonly number[] => {
    const key = query.replace(/\s+/g, ' ').trim();
    let ranking = rankings.get(key);
    if (!ranking) {
      ranking = rankAll(query);
      rankings.set(key, ranking);
    }
    return ranking;
  };

  return {
    rank(query, rankOptions) {
      const limit = Math.max(0, rankOptions.limit);
      const picked: ToolSpec[] = [];
      for (const index of candidates(query)) {
        if (picked.length >= limit) break;
        if (!rankOptions.filter || rankOptions.filter(tools[index])) picked.push(tools[index]);
      }
      return picked;
    },
    indexSnapshot: () => ({ fingerprint, text: text.snapshot(), semantic: semanticIndex().rows() }),
  };
}
