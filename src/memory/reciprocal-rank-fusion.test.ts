import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

describe('reciprocalRankFusion', () => {
  it('ranks items found by both rankings above items found by one', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'd'],
    ]);
    expect(fused.map((item) => item.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(fused[0].score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[1].score).toBeCloseTo(1 / 61, 12);
  });

  it('handles empty rankings', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
