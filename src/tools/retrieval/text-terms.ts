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

// Building an index stems the same few thousand words over and over (every example request says
// "convert", "list", "number"…); remembering them makes the first search a lookup, not a stemming
// pass. Bounded so a stream of unique tokens cannot grow it without end.
const TERM_CACHE_LIMIT = 50_000;
const termCache = new Map<string, string | null>();

/** One indexed term for a raw token, or null when it is a stop word. */
export function processTerm(token: string): string | null {
  const cached = termCache.get(token);
  if (cached !== undefined) return cached;
  const lower = token.toLowerCase();
  const term = lower.length === 0 || STOP_WORDS.has(lower) ? null : /^\p{L}+$/u.test(lower) ? stemmer(lower) : lower;
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(token, term);
  return term;
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
