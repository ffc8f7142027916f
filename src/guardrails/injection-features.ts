// Hashed features of a normalised text for the injection classifier: per token, character n-grams
// of the padded word (2–4, or 1–3 inside CJK runs, which have no spaces), the word itself and the
// bigram with the previous word; words and bigrams also get a channel-specific copy (input vs tool
// output), so the same request can weigh differently when it comes from a user or from a tool.
// Multilingual concepts (injection-concepts.ts) add the concept and every concept pair within a few
// tokens. Features are kept per token so the scorer can slide windows over long texts in linear time.
import { conceptsOf } from './injection-concepts.js';

export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

export type Channel = 'input' | 'tool_output';

/** FNV-1a over UTF-16 code units, folded to the feature space. */
export function hashFeature(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & MASK;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;
/** Long CJK runs are cut into tokens of this many characters (they would be one "word"). */
const CJK_TOKEN = 6;
/** How many tokens back a concept pairs with earlier concepts ("ignore all of the previous rules"). */
const CONCEPT_SPAN = 6;
/** How many times a concept feature counts (1: heavier weighting lowered dev recall, 3 → 0.69, 6 → 0.51). */
const CONCEPT_WEIGHT = 1;

/** Words (letters, digits, apostrophes) and single punctuation marks that carry signal (: < > [ ] | #). */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.matchAll(/[\p{L}\p{M}\p{N}'’]+|[<>[\]|#:={}"/]/gu)) {
    const token = match[0];
    if (CJK.test(token) && token.length > CJK_TOKEN) {
      for (let start = 0; start < token.length; start += CJK_TOKEN) tokens.push(token.slice(start, start + CJK_TOKEN));
    } else tokens.push(token);
  }
  return tokens;
}

/** Feature indices of each token, in order (an index may repeat: counts add). */
export function tokenFeatures(tokens: readonly string[], channel: Channel): number[][] {
  const prefix = channel === 'input' ? 'i|' : 't|';
  const result: number[][] = [];
  const concepts = tokens.map(conceptsOf);
  for (let position = 0; position < tokens.length; position += 1) {
    const token = tokens[position];
    const features: number[] = [hashFeature(`w:${token}`), hashFeature(`${prefix}w:${token}`)];
    for (const concept of concepts[position]) {
      const conceptFeature = hashFeature(`k:${concept}`);
      for (let copy = 0; copy < CONCEPT_WEIGHT; copy += 1) features.push(conceptFeature);
      // Each pair once, ordered, with the nearer concept tokens up to CONCEPT_SPAN back.
      for (let back = Math.max(0, position - CONCEPT_SPAN); back < position; back += 1) {
        for (const earlier of concepts[back]) {
          if (earlier === concept) continue;
          const pair = hashFeature(`kk:${earlier}>${concept}`);
          const channelPair = hashFeature(`${prefix}kk:${earlier}>${concept}`);
          for (let copy = 0; copy < CONCEPT_WEIGHT; copy += 1) features.push(pair, channelPair);
        }
      }
    }
    if (position > 0) {
      const bigram = `b:${tokens[position - 1]} ${token}`;
      features.push(hashFeature(bigram), hashFeature(prefix + bigram));
    }
    const padded = `<${token}>`;
    const [low, high] = CJK.test(token) ? [1, 3] : [2, 4];
    for (let size = low; size <= high; size += 1) {
      for (let start = 0; start + size <= padded.length; start += 1)
        features.push(hashFeature(`c:${padded.slice(start, start + size)}`));
    }
    result.push(features);
  }
  return result;
}

/** The bias feature of a channel (always present once per scored window). */
export const channelBias = (channel: Channel) => hashFeature(`bias:${channel}`);
