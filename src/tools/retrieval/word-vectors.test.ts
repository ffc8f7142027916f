// The shipped word-vector table loads, round-trips through its binary format, and carries meaning:
// related words sit closer than unrelated ones, so the semantic score has something to rank on.
import { describe, expect, it } from 'vitest';
import { embedText } from './semantic-index.js';
import { decodeWordVectors, encodeWordVectors } from './word-vector-format.js';
import { wordVectors } from './word-vectors.js';

const cosine = (left: Float32Array, right: Float32Array): number =>
  left.reduce((sum, value, index) => sum + value * right[index], 0);

describe('word vectors', () => {
  it('round-trips unit-length rows through the int8 format', () => {
    const table = decodeWordVectors(
      encodeWordVectors(
        ['up', 'down'],
        [
          [3, 4, 0],
          [0, -1, 1],
        ],
        3,
      ),
    );
    expect([...table.rows.keys()]).toEqual(['up', 'down']);
    expect([...table.vectors.subarray(0, 3)].map((value) => Number(value.toFixed(2)))).toEqual([0.6, 0.8, 0]);
    expect(table.vectors[4]).toBeCloseTo(-Math.SQRT1_2, 2);
    expect(() => decodeWordVectors(Buffer.from('nope'))).toThrow(/word-vector table/);
  });

  it('ships a table of common English words that places related requests together', () => {
    const table = wordVectors();
    expect(table.dimensions).toBe(100);
    expect(table.rows.size).toBeGreaterThan(25_000);
    for (const word of ['median', 'attendees', 'documentation', 'percentage', 'today'])
      expect(table.rows.has(word)).toBe(true);
    const middle = embedText(table, 'the middle value of these numbers')!;
    const median = embedText(table, 'median average statistics')!;
    const colour = embedText(table, 'convert a colour to hex')!;
    expect(cosine(middle, median)).toBeGreaterThan(cosine(middle, colour));
    expect(embedText(table, 'zzqx vvbn')).toBeNull();
  });
});
