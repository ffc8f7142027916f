// The static word-embedding table shipped with the package (word-vectors.bin, built by
// scripts/build-word-vectors.ts from GloVe): loaded lazily on the first semantic search.
import fs from 'node:fs';
import { decodeWordVectors, type WordVectorTable } from './word-vector-format.js';

// A read-only table loaded once per process: one ~3.7 MB read, then typed-array views on it.
let loaded: WordVectorTable | undefined;

export function wordVectors(): WordVectorTable {
  loaded ??= decodeWordVectors(fs.readFileSync(new URL('./word-vectors.bin', import.meta.url)));
  return loaded;
}
