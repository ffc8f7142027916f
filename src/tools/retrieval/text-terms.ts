// Shared term processing for every BM25 index (tools, roles, notes): lower-casing, identifier
// splitting, stop-word removal and Porter stemming, so "calculating" and "calculator" meet.
import { stemmer } from 'stemmer';

// Function words carry no signal for picking a tool; dropping them keeps BM25 from rewarding
// descriptions that merely say "the" often.
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can could do does for from give get has have how i in into is it its me my ' +
    'of on or our please should so that the their them then there these this to us using want was we ' +
    'what when where which who will with would you your'
  ).split(' '),
);

/** Splits text into raw word tokens: identifiers like `word_count` and `camelCase` become words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** One indexed term for a raw token, or null when it is a stop word. */
export function processTerm(token: string): string | null {
  const lower = token.toLowerCase();
  if (lower.length === 0 || STOP_WORDS.has(lower)) return null;
  return /^\p{L}+$/u.test(lower) ? stemmer(lower) : lower;
}

/** The stemmed, stop-word-free terms of a text, in order. */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) {
    const term = processTerm(word);
    if (term) terms.push(term);
  }
  return terms;
}
