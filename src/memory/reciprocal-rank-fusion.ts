// Reciprocal rank fusion: merges several best-first rankings without comparing their raw scores
// (BM25 and cosine live on different scales). score(id) = Σ 1 / (k + rank), rank starting at 1.

export const RRF_K = 60;

export function reciprocalRankFusion(
  rankings: readonly (readonly string[])[],
  k = RRF_K,
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  // Ties keep first-seen order (Array.prototype.sort is stable), i.e. the earlier ranking wins.
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
