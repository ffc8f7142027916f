// Repairs misspelt request words against the shipped word-vector vocabulary: a word the table does
// not know gets the most common known word one edit away — a swap of two neighbouring
// letters ("todya", "standrad"), one letter missing ("tims", "deviaton") or one extra ("duplicattes").
// BM25 absorbs one substitution by itself but not a swap, and the semantic score knows no unknown word.
import { splitWords } from './text-terms.js';
import type { WordVectorTable } from './word-vector-format.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Shorter words have too many neighbours one edit away to guess from ("teh" is fine, "ot" is not). */
const MIN_SWAP_LENGTH = 3;
const MIN_EDIT_LENGTH = 4;

/** The most frequent known word one edit from `word`, or undefined (also when the word is known). */
export function repairWord(table: WordVectorTable, word: string): string | undefined {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower) || lower.length < MIN_SWAP_LENGTH || table.rowOf(lower) !== undefined) return undefined;
  let best: string | undefined;
  let bestRow = Number.POSITIVE_INFINITY;
  const consider = (candidate: string): void => {
    const row = table.rowOf(candidate);
    if (row !== undefined && row < bestRow) {
      best = candidate;
      bestRow = row;
    }
  };
  for (let index = 0; index + 1 < lower.length; index++)
    consider(`${lower.slice(0, index)}${lower[index + 1]}${lower[index]}${lower.slice(index + 2)}`);
  // A swap keeps every letter the user typed, so it wins over any insertion or deletion ("noet" is
  // "note", though "not" is commoner).
  if (best === undefined && lower.length >= MIN_EDIT_LENGTH) {
    for (let index = 0; index <= lower.length; index++)
      for (const letter of LETTERS) consider(`${lower.slice(0, index)}${letter}${lower.slice(index)}`);
    for (let index = 0; index < lower.length; index++) consider(`${lower.slice(0, index)}${lower.slice(index + 1)}`);
  }
  return best;
}

/**
 * The request with the repair of each unknown word appended, so both scores see the intended word.
 * Words `isAbbreviation` accepts (such as "calc" for the calculator) are left alone: they are short
 * forms the lexical index already matches, not typos.
 */
export function withTypoRepairs(
  table: WordVectorTable,
  query: string,
  isAbbreviation: (word: string) => boolean = () => false,
): string {
  const repairs: string[] = [];
  for (const word of splitWords(query)) {
    if (isAbbreviation(word.toLowerCase())) continue;
    const repaired = repairWord(table, word);
    if (repaired) repairs.push(repaired);
  }
  return repairs.length === 0 ? query : `${query} ${repairs.join(' ')}`;
}
