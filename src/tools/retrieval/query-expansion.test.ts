// Query expansion appends the catalog word nearest a request word the index lacks, and leaves
// indexed words, stop words and words with no near neighbour alone.
import { describe, expect, it } from 'vitest';
import { createQueryExpansion } from './query-expansion.js';
import { wordVectors } from './word-vectors.js';

describe('query expansion', () => {
  const expansion = createQueryExpansion(wordVectors(), ['biggest', 'litres', 'colour', 'file', 'the'], {
    minSimilarity: 0.6,
  });
  const nothingIndexed = () => false;

  it('appends the nearest catalog word of an unindexed request word', () => {
    expect(expansion.expand('the largest one', nothingIndexed)).toBe('the largest one biggest');
    expect(expansion.expand('how many liters', nothingIndexed)).toBe('how many liters litres');
  });

  it('adds each neighbour once and never expands quoted text, which is what to work on', () => {
    expect(expansion.expand('largest, largest and largest', nothingIndexed)).toBe(
      'largest, largest and largest biggest',
    );
    expect(expansion.expand('count the words in "the largest liters"', nothingIndexed)).toBe(
      'count the words in "the largest liters"',
    );
  });

  it('leaves indexed words, stop words and words without a near neighbour alone', () => {
    expect(expansion.expand('the largest one', (word) => word === 'largest')).toBe('the largest one');
    expect(expansion.expand('the', nothingIndexed)).toBe('the');
    expect(expansion.expand('zzqx banana', nothingIndexed)).toBe('zzqx banana');
  });
});
