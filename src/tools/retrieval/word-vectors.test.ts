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
    expect([table.size, table.rowOf('up'), table.rowOf('down'), table.rowOf('sideways')]).toEqual([2, 0, 1, undefined]);
    const up = new Float32Array(3);
    table.addRow(0, 1, up);
    expect([...up].map((value) => Number(value.toFixed(2)))).toEqual([0.6, 0.8, 0]);
    const down = new Float32Array(3);
    table.addRow(1, 2, down);
    expect(down[1]).toBeCloseTo(-2 * Math.SQRT1_2, 2);
    expect(() => decodeWordVectors(Buffer.from('nope'))).toThrow(/word-vector table/);
  });

  it('finds every word of a table whose hash slots collide, from an unaligned Buffer too', () => {
    const words = Array.from({ length: 500 }, (_, index) => `w${index.toString(36)}é`);
    const encoded = encodeWordVectors(
      words,
      words.map((_, index) => [index + 1, 1, 0]),
      3,
    );
    const unaligned = Buffer.alloc(encoded.length + 1).subarray(1);
    encoded.copy(unaligned);
    for (const bytes of [encoded, unaligned]) {
      const table = decodeWordVectors(bytes);
      expect(words.every((word, index) => table.rowOf(word) === index)).toBe(true);
      expect(table.rowOf('w0')).toBeUndefined();
    }
    expect(() => decodeWordVectors(encoded.subarray(0, encoded.length - 1))).toThrow(/truncated/);
  });

  it('ships a table of common English words that places related requests together', () => {
    const table = wordVectors();
    expect(table.dimensions).toBe(100);
    expect(table.size).toBeGreaterThan(25_000);
    for (const word of ['median', 'attendees', 'documentation', 'percentage', 'today'])
      expect(table.rowOf(word)).toBeDefined();
    const middle = embedText(table, 'the middle value of these numbers')!;
    const median = embedText(table, 'median average statistics')!;
    const colour = embedText(table, 'convert a colour to hex')!;
    expect(cosine(middle, median)).toBeGreaterThan(cosine(middle, colour));
    expect(embedText(table, 'zzqx vvbn')).toBeNull();
  });
});
