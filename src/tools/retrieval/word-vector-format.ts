// The binary layout of the shipped word-vector table, built to be used where it lies: one file read
// into one Buffer, and every section a typed-array view on it — no per-word Map, no float decoding —
// so the first search pays a file read, not a parse. Kept in one place so the build script and the
// loader agree.
//
// Layout (little-endian; every section starts on a 4-byte boundary):
//   "RTWV2\0\0\0"  | dimensions, count, slotCount, charCount: uint32
//   slots:      uint32[slotCount]  open-addressing hash table (FNV-1a of the word), row + 1, 0 = empty
//   wordStarts: uint32[count + 1]  where each word's UTF-16 code units start in `chars`
//   scales:     float32[count]     each row's int8 step
//   chars:      uint16[charCount]  the words, back to back (padded to 4 bytes)
//   values:     int8[count × dimensions]  unit-length rows, quantised
const MAGIC = 'RTWV2\0\0\0';
const HEADER_BYTES = MAGIC.length + 16;

export interface WordVectorTable {
  dimensions: number;
  /** How many words the table holds. */
  size: number;
  /** The row of a lower-case word; the row order is GloVe's frequency order, so a lower row is a more common word. */
  rowOf(word: string): number | undefined;
  /** Adds `weight` × the row's unit vector into `target` (length `dimensions`). */
  addRow(row: number, weight: number, target: Float32Array): void;
}

function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

const align4 = (bytes: number): number => (bytes + 3) & ~3;

/** Normalises each row to unit length, quantises it to int8 with a per-row scale, and lays out the table. */
export function encodeWordVectors(
  words: readonly string[],
  matrix: readonly ArrayLike<number>[],
  dimensions: number,
): Buffer {
  const count = words.length;
  let slotCount = 1;
  while (slotCount < count * 2) slotCount *= 2;
  const charCount = words.reduce((sum, word) => sum + word.length, 0);
  const slotsAt = HEADER_BYTES;
  const startsAt = slotsAt + slotCount * 4;
  const scalesAt = startsAt + (count + 1) * 4;
  const charsAt = scalesAt + count * 4;
  const valuesAt = align4(charsAt + charCount * 2);
  const bytes = Buffer.alloc(valuesAt + count * dimensions);
  bytes.write(MAGIC, 0, 'latin1');
  [dimensions, count, slotCount, charCount].forEach((value, index) => {
    bytes.writeUInt32LE(value, MAGIC.length + index * 4);
  });
  let char = 0;
  words.forEach((word, row) => {
    bytes.writeUInt32LE(char, startsAt + row * 4);
    for (let index = 0; index < word.length; index++) bytes.writeUInt16LE(word.charCodeAt(index), charsAt + char++ * 2);
    let slot = fnv1a(word) & (slotCount - 1);
    while (bytes.readUInt32LE(slotsAt + slot * 4) !== 0) slot = (slot + 1) & (slotCount - 1);
    bytes.writeUInt32LE(row + 1, slotsAt + slot * 4);
  });
  bytes.writeUInt32LE(char, startsAt + count * 4);
  matrix.forEach((vector, row) => {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += vector[d] * vector[d];
    norm = Math.sqrt(norm) || 1;
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(vector[d] / norm));
    const scale = largest / 127 || 1;
    bytes.writeFloatLE(scale, scalesAt + row * 4);
    for (let d = 0; d < dimensions; d++)
      bytes.writeInt8(Math.round(vector[d] / norm / scale), valuesAt + row * dimensions + d);
  });
  return bytes;
}

/** Views the table in place; copies once only when the Buffer is not 4-byte aligned. */
export function decodeWordVectors(input: Buffer): WordVectorTable {
  if (input.length < HEADER_BYTES || input.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw new Error('not a riptide word-vector table');
  const bytes = input.byteOffset % 4 === 0 ? input : Buffer.from(new Uint8Array(input).buffer);
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset + MAGIC.length, 4);
  const [dimensions, count, slotCount, charCount] = header;
  const base = bytes.byteOffset;
  const slotsAt = HEADER_BYTES;
  const startsAt = slotsAt + slotCount * 4;
  const scalesAt = startsAt + (count + 1) * 4;
  const charsAt = scalesAt + count * 4;
  const valuesAt = align4(charsAt + charCount * 2);
  if (bytes.length < valuesAt + count * dimensions) throw new Error('truncated riptide word-vector table');
  const slots = new Uint32Array(bytes.buffer, base + slotsAt, slotCount);
  const starts = new Uint32Array(bytes.buffer, base + startsAt, count + 1);
  const scales = new Float32Array(bytes.buffer, base + scalesAt, count);
  const chars = new Uint16Array(bytes.buffer, base + charsAt, charCount);
  const values = new Int8Array(bytes.buffer, base + valuesAt, count * dimensions);
  const mask = slotCount - 1;

  const matches = (row: number, word: string): boolean => {
    const start = starts[row];
    if (starts[row + 1] - start !== word.length) return false;
    for (let index = 0; index < word.length; index++) if (chars[start + index] !== word.charCodeAt(index)) return false;
    return true;
  };

  return {
    dimensions,
    size: count,
    rowOf(word) {
      for (let slot = fnv1a(word) & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[slot];
        if (entry === 0) return undefined;
        if (matches(entry - 1, word)) return entry - 1;
      }
    },
    addRow(row, weight, target) {
      const factor = weight * scales[row];
      const offset = row * dimensions;
      for (let d = 0; d < dimensions; d++) target[d] += factor * values[offset + d];
    },
  };
}
