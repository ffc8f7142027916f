// Views of a text that undo common obfuscations before detection: Unicode folding, invisible
// characters, homoglyphs, markup, split letters, leetspeak, and encoded payloads (base64, hex,
// rot13, escapes). The classifier reads them joined; the phrase patterns test each view.
import {
  decodeBase64Runs,
  decodeEscapes,
  decodeHexRuns,
  decodeRot13,
  foldHomoglyphs,
  rejoinSplitLetters,
  stripInvisible,
  stripMarkup,
  unLeet,
} from './text-decoders.js';

/** Lowercase, NFKC-folded text without invisible format characters (whitespace kept as is). */
function fold(text: string): string {
  return foldHomoglyphs(stripInvisible(text.normalize('NFKC')).toLowerCase());
}

const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

export function normalizeForDetection(text: string): string {
  return collapseSpaces(fold(text));
}

/**
 * No attack phrase contains a 65-character word, and word-level patterns backtrack quadratically on
 * very long ones ("a a a …" rejoined into one 50 000-letter word), so long runs are cut short.
 */
const capWordLength = (text: string) => text.replace(/\S{65,}/g, (word) => word.slice(0, 64));

export interface DetectionViews {
  /** Readable variants, distinct, the plain normalised text first. */
  texts: string[];
  /** Letters only ("ignoreallpreviousinstructions"), for squashed-phrase patterns. */
  squashed: string;
}

export function detectionViews(text: string): DetectionViews {
  const unescaped = decodeEscapes(text);
  const source = unescaped ?? text;
  const folded = fold(stripMarkup(source));
  const normalized = collapseSpaces(folded);
  const rejoined = collapseSpaces(rejoinSplitLetters(folded));
  const deLeeted = unLeet(rejoined);
  const views = new Set([normalized, rejoined, deLeeted].map(capWordLength));
  const payloads = [...decodeBase64Runs(source), ...decodeHexRuns(source)];
  const rotated = decodeRot13(source);
  if (rotated) payloads.push(rotated);
  for (const payload of payloads) views.add(capWordLength(normalizeForDetection(stripMarkup(payload))));
  return { texts: [...views], squashed: deLeeted.replace(/[^\p{L}]/gu, '') };
}
