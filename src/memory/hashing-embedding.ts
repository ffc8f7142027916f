// The offline embedding: feature-hashed words, word pairs and character trigrams, L2-normalised.
// Deterministic, dependency-free and good at "same words, slightly different phrasing"; a provider
// embedding replaces it for semantic similarity when one is configured.
import { isStopword } from '../store/search-terms.js';

export const HASHING_DIMENSIONS = 256;

/** 32-bit FNV-1a: fast, well-spread, stable across processes (unlike a seeded hash). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function hashingEmbedding(text: string, dimensions = HASHING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    // One hash bit picks the sign so colliding features cancel on average instead of piling up.
    vector[hash % dimensions] += hash & 0x80000000 ? -weight : weight;
  };
  const words = (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => !isStopword(word));
  words.forEach((word, index) => {
    add(`w:${word}`, 1);
    if (index + 1 < words.length) add(`b:${word} ${words[index + 1]}`, 0.5);
    const padded = `^${word}$`;
    for (let start = 0; start + 3 <= padded.length; start += 1) add(`c:${padded.slice(start, start + 3)}`, 0.35);
  });
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
