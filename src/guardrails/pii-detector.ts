// The shape of one PII detector and the helpers detectors share: the placeholder text, the words
// just before a match (context decides between a phone number and an order number), entropy.

export interface PiiDetector {
  kind: string;
  /** Singular and plural noun for violation details. */
  noun: [string, string];
  /** Global regex of candidates. */
  pattern: RegExp;
  /** Returns the replacement for a confirmed match, or null to leave the candidate as it is. */
  replace(match: RegExpMatchArray): string | null;
}

export const placeholder = (kind: string) => `[REDACTED_${kind.toUpperCase()}]`;

export const always = (kind: string) => () => placeholder(kind);

/** Up to `chars` characters of the text before a match, lowercased. */
export function textBefore(match: RegExpMatchArray, chars: number): string {
  const start = match.index ?? 0;
  return (match.input ?? '').slice(Math.max(0, start - chars), start).toLowerCase();
}

/** Shannon entropy in bits per character: random tokens score high, words and placeholders low. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Words that say a number is a reference of some kind, not a person's number. */
export const REFERENCE_CONTEXT =
  /(?:order|invoice|inv|tracking|ref(?:erence)?|serial|isbn|sku|ticket|confirmation|booking|case|item|part|model|build|version|ver|v|firmware|release|po|receipt|transaction|txn|batch|lot|article|issue|pr|commit|bestellung|rechnung|pedido|factura|commande|facture|ordine|fattura|订单)(?:\s*(?:no\.?|number|nr\.?|nº|id|#|num))?\s*[:#-]?\s*$/;

/** Makes a lowercase word match in any case ("name" → "[nN][aA][mM][eE]"). */
export function caseless(words: readonly string[]): string {
  return `(?:${words
    .map((word) => word.replace(/[a-z]/g, (char) => `[${char}${char.toUpperCase()}]`).replace(/ /g, '\\s+'))
    .join('|')})`;
}
