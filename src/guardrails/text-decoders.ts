// Decoders that undo the disguises attackers put on instructions: invisible characters, homoglyphs,
// leetspeak, split letters, base64, hex, rot13, URL and HTML escapes, and markup that hides text
// from a human reader (comments, hidden elements, alt text). Each returns plain text or nothing.
import { createRequire } from 'node:module';
import type Unhomoglyph from 'unhomoglyph';

// The confusables table (CommonJS) is required on the first mixed-script word, not at import.
let confusables: typeof Unhomoglyph | undefined;
function unhomoglyph(char: string): string {
  confusables ??= createRequire(import.meta.url)('unhomoglyph') as typeof Unhomoglyph;
  return confusables(char);
}

/** Format characters (zero-width spaces and joiners, BOM, bidi controls) carry no visible text. */
export function stripInvisible(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}

/**
 * Maps look-alike letters to their base letters, only inside words that mix scripts ("іgnоrе" with
 * Cyrillic і, о, е): whole Cyrillic, Greek or CJK words are real language and stay as they are.
 */
export function foldHomoglyphs(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) =>
    /[a-z]/i.test(word) && /[^\u0000-\u024f]/.test(word)
      ? // Only the foreign characters: the confusables skeleton also rewrites Latin ones ("m" → "rn").
        word.replace(/[^\u0000-\u024f]/g, (char) => unhomoglyph(char).toLowerCase())
      : word,
  );
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** Digits and symbols read as letters, only inside words that also contain letters ("1gn0r3"). */
export function unLeet(text: string): string {
  return text.replace(/[\p{L}0-9@$!|]+/gu, (word) =>
    /[0-9@$!|]/.test(word) && /\p{L}/u.test(word) ? word.replace(/[0-9@$!|]/g, (char) => LEET[char] ?? char) : word,
  );
}

/**
 * Joins runs of single letters split by one separator ("i g n o r e", "i.g.n.o.r.e"; a wider gap
 * ends a word) and letters split by - _ * inside words ("ign-ore").
 */
export function rejoinSplitLetters(text: string): string {
  return text
    .replace(/(?<!\p{L})\p{L}(?:[ .\-_*]\p{L}(?!\p{L})){2,}/gu, (run) => run.replace(/[ .\-_*]/g, ''))
    .replace(/(?<=\p{L})[-_*](?=\p{L})/gu, '');
}

/** Decoded text reads as language: mostly letters, spaces and punctuation, and at least one space. */
function readable(decoded: string): boolean {
  if (decoded.length < 6 || !/\s/.test(decoded)) return false;
  const plain = decoded.match(/[\p{L}\p{N}\p{P}\s]/gu)?.length ?? 0;
  return plain / [...decoded].length > 0.9;
}

/** Text of base64 runs (standard or URL-safe) that decode to readable UTF-8. */
export function decodeBase64Runs(text: string): string[] {
  const decoded: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
    const value = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (readable(value)) decoded.push(value);
  }
  return decoded;
}

/** Text of hex runs (even length, optionally space- or \x-separated bytes) that decode to readable UTF-8. */
export function decodeHexRuns(text: string): string[] {
  const decoded: string[] = [];
  for (const run of text.match(/(?:(?:\\x|0x)?[0-9a-f]{2}[\s:]?){8,}/gi) ?? []) {
    const hex = run.replace(/\\x|0x|[\s:]/gi, '');
    if (hex.length % 2 !== 0) continue;
    const value = Buffer.from(hex, 'hex').toString('utf8');
    if (readable(value)) decoded.push(value);
  }
  return decoded;
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (char) => {
    const base = char <= 'Z' ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}

const COMMON_WORDS =
  /\b(?:the|and|you|your|to|of|all|is|are|in|for|this|that|what|now|with|me|my|it|be|not|any|from|instructions?|ignore|previous)\b/gi;
const commonWordCount = (text: string) => text.match(COMMON_WORDS)?.length ?? 0;

/** The rot13 reading of a text, when it reads much more like English than the text itself. */
export function decodeRot13(text: string): string | null {
  const decoded = rot13(text);
  return commonWordCount(decoded) >= commonWordCount(text) + 3 ? decoded : null;
}

/** %XX and HTML character references (&#105; &#x69; &amp;) decoded; null when there are none. */
export function decodeEscapes(text: string): string | null {
  if (!/%[0-9a-f]{2}|&#?\w+;/i.test(text)) return null;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text
    .replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    })
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => named[name]);
}

/**
 * The text a model reads in markup, with the markup gone: tags removed, and what hides text from a
 * human reader opened up — HTML comments, Markdown link-reference comments, image alt text.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/<!--([\s\S]*?)(?:-->|$)/g, ' $1 ')
    .replace(/^\s*\[\/\/\]:\s*#\s*[("']([\s\S]*?)[)"']\s*$/gm, ' $1 ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/<\/?[a-z][^<>]{0,300}>/gi, ' ');
}
