// Views of an input that undo common obfuscations before pattern matching: Unicode look-alikes,
// zero-width characters, leetspeak, s p a c e d or hy-phen-ated letters, and base64 payloads.

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Lowercase, NFKC-folded text without invisible format characters (whitespace kept as is). */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase();
}

const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

export function normalizeForDetection(text: string): string {
  return collapseSpaces(fold(text));
}

/**
 * Joins runs of single letters split by one separator ("i g n o r e", "i.g.n.o.r.e"; a wider gap
 * ends a word) and letters split by - _ * inside words ("ign-ore").
 */
function rejoinSplitWords(folded: string): string {
  return folded
    .replace(/(?<!\p{L})\p{L}(?:[ .\-_*]\p{L}(?!\p{L})){2,}/gu, (run) => run.replace(/[ .\-_*]/g, ''))
    .replace(/(?<=\p{L})[-_*](?=\p{L})/gu, '');
}

/** Digits and symbols read as letters, only inside words that also contain letters. */
function unLeet(text: string): string {
  return text.replace(/[\p{L}0-9@$]+/gu, (word) =>
    /[0-9@$]/.test(word) && /\p{L}/u.test(word) ? word.replace(/[0-9@$]/g, (char) => LEET[char] ?? char) : word,
  );
}

/** Text of base64 tokens that decode to mostly printable ASCII (hidden instructions). */
function decodedPayloads(text: string): string[] {
  const payloads: string[] = [];
  for (const token of text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const printable = decoded.replace(/[^\x20-\x7e\s]/g, '');
    if (decoded.length >= 8 && printable.length / decoded.length > 0.95 && /\s/.test(decoded)) payloads.push(decoded);
  }
  return payloads;
}

/**
 * No attack phrase contains a 65-character word, and word-level patterns backtrack quadratically on
 * very long ones ("a a a …" rejoined into one 50 000-letter word), so long runs are cut short.
 */
const capWordLength = (text: string) => text.replace(/\S{65,}/g, (word) => word.slice(0, 64));

export interface DetectionViews {
  /** Readable variants to run phrase patterns on. */
  texts: string[];
  /** Letters only ("ignoreallpreviousinstructions"), for squashed-phrase patterns. */
  squashed: string;
}

export function detectionViews(text: string): DetectionViews {
  const folded = fold(text);
  const normalized = collapseSpaces(folded);
  const rejoined = collapseSpaces(rejoinSplitWords(folded));
  const deLeeted = unLeet(rejoined);
  const texts = new Set([normalized, rejoined, deLeeted].map(capWordLength));
  for (const payload of decodedPayloads(text)) texts.add(normalizeForDetection(payload));
  return { texts: [...texts], squashed: deLeeted.replace(/[^\p{L}]/gu, '') };
}
