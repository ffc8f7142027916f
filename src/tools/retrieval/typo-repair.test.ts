// Misspelt request words come back as the known word one edit away, and known words are left alone.
import { describe, expect, it } from 'vitest';
import { repairWord, withTypoRepairs } from './typo-repair.js';
import { decodeWordVectors, encodeWordVectors } from './word-vector-format.js';
import { wordVectors } from './word-vectors.js';

describe('typo repair', () => {
  it.each([
    ['todya', 'today'],
    ['standrad', 'standard'],
    ['deviaton', 'deviation'],
    ['duplcates', 'duplicates'],
    ['noet', 'note'],
    ['wrod', 'word'],
  ])('repairs %j to %j with the shipped vocabulary', (typo, word) => {
    expect(repairWord(wordVectors(), typo)).toBe(word);
  });

  it('leaves known, short and non-letter words alone', () => {
    const table = wordVectors();
    for (const word of ['median', 'ot', 'b64', 'x9']) expect(repairWord(table, word)).toBeUndefined();
  });

  it('prefers the more frequent of two candidates (the lower row)', () => {
    const table = decodeWordVectors(
      encodeWordVectors(
        ['cart', 'card'],
        [
          [1, 0],
          [0, 1],
        ],
        2,
      ),
    );
    expect(repairWord(table, 'cadr')).toBe('card');
    expect(repairWord(table, 'crat')).toBe('cart');
    expect(repairWord(table, 'car')).toBeUndefined();
    expect(withTypoRepairs(table, 'my cadr please')).toBe('my cadr please card');
    expect(withTypoRepairs(table, 'my card')).toBe('my card');
  });
});
