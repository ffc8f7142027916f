// The binary layout of the shipped word-vector table: a small header, the words, then one unit-length
// int8 row per word with its float32 scale. Kept in one place so the build script and the loader agree.
const MAGIC = 'RTWV1';

export interface WordVectorTable {
  dimensions: number;
  /** Word → row; the row order is GloVe's frequency order, so a lower row is a more common word. */
  rows: ReadonlyMap<string, number>;
  /** Unit-length rows, `dimensions` floats each. */
  vectors: Float32Array;
}

/** Normalises each row to unit length and quantises it to int8 with a per-row scale. */
export function encodeWordVectors(
  words: readonly string[],
  matrix: readonly ArrayLike<number>[],
  dimensions: number,
): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const header = Buffer.alloc(MAGIC.length + 12);
  header.write(MAGIC, 0, 'ascii');
  header.writeUInt32LE(dimensions, MAGIC.length);
  header.writeUInt32LE(words.length, MAGIC.length + 4);
  header.writeUInt32LE(wordBytes.length, MAGIC.length + 8);
  const scales = Buffer.alloc(words.length * 4);
  const values = Buffer.alloc(words.length * dimensions);
  matrix.forEach((row, index) => {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += row[d] * row[d];
    norm = Math.sqrt(norm) || 1;
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(row[d] / norm));
    const scale = largest / 127 || 1;
    scales.writeFloatLE(scale, index * 4);
    for (let d = 0; d < dimensions; d++) values.writeInt8(Math.round(row[d] / norm / scale), index * dimensions + d);
  });
  return Buffer.concat([header, wordBytes, scales, values]);
}

export function decodeWordVectors(bytes: Buffer): WordVectorTable {
  if (bytes.toString('ascii', 0, MAGIC.length) !== MAGIC) throw new Error('not a riptide word-vector table');
  const dimensions = bytes.readUInt32LE(MAGIC.length);
  const count = bytes.readUInt32LE(MAGIC.length + 4);
  const wordLength = bytes.readUInt32LE(MAGIC.length + 8);
  let offset = MAGIC.length + 12;
  const words = bytes.toString('utf8', offset, offset + wordLength).split('\n');
  offset += wordLength;
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + offset + count * 4, count * dimensions);
  const vectors = new Float32Array(count * dimensions);
  for (let row = 0; row < count; row++) {
    const scale = bytes.readFloatLE(offset + row * 4);
    for (let d = row * dimensions; d < (row + 1) * dimensions; d++) vectors[d] = values[d] * scale;
  }
  return { dimensions, rows: new Map(words.map((word, row) => [word, row])), vectors };
}
