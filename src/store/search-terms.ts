// Turns free user text into plain search terms, so no user input can reach full-text query syntax
// (FTS5 MATCH operators, tsquery operators): dialects quote each term themselves.

/** Very common English words that match almost every lesson and only add noise to an OR query. */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does for from had has have how i if in into is it its me my ' +
    'no not of on or our so than that the their them then there these they this those to too was we were ' +
    'what when where which who why will with would you your'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const MAX_TERMS = 32;
const MAX_TERM_LENGTH = 64;

export function searchTerms(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = new Set<string>();
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    unique.add(word.slice(0, MAX_TERM_LENGTH));
    if (unique.size >= MAX_TERMS) break;
  }
  return [...unique];
}
