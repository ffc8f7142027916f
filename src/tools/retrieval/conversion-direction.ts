// Conversions come in mirrored pairs (json_to_yaml / yaml_to_json, dms_to_decimal / decimal_to_dms)
// whose words are identical, so no bag-of-words score can tell them apart. The order the request
// names the two formats in ("json to yaml", "into yaml", "from json") can.
import { textTerms } from './text-terms.js';

const TARGET_MARKERS = new Set(['to', 'into', 'as', 'in']);
const SOURCE_MARKERS = new Set(['from']);

export interface ConversionName {
  source: string;
  target: string;
}

/** The source and target of a tool named `source_to_target`, stemmed like the request's terms. */
export function conversionOf(toolName: string): ConversionName | null {
  const match = /^([a-z0-9]+)_to_([a-z0-9]+)$/i.exec(toolName);
  if (!match) return null;
  const [source, target] = [textTerms(match[1])[0], textTerms(match[2])[0]];
  return source && target && source !== target ? { source, target } : null;
}

/** The request's words in order, lower-cased, with the markers kept (they are stop words elsewhere). */
export function directionWords(request: string): string[] {
  return request
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (TARGET_MARKERS.has(word) || SOURCE_MARKERS.has(word) ? word : (textTerms(word)[0] ?? '')))
    .filter(Boolean);
}

/**
 * +1 when the request reads as converting source → target, −1 when it reads the other way round,
 * 0 when it does not say.
 */
export function conversionDirection(conversion: ConversionName, words: readonly string[]): number {
  let vote = 0;
  let sourceAt = -1;
  let targetAt = -1;
  words.forEach((word, index) => {
    const before = words[index - 1];
    if (word === conversion.target) {
      if (targetAt < 0) targetAt = index;
      if (TARGET_MARKERS.has(before)) vote += 1;
      if (SOURCE_MARKERS.has(before)) vote -= 1;
    } else if (word === conversion.source) {
      if (sourceAt < 0) sourceAt = index;
      if (SOURCE_MARKERS.has(before)) vote += 1;
      if (before === 'to' || before === 'into') vote -= 1;
    }
  });
  if (vote === 0 && sourceAt >= 0 && targetAt >= 0) vote = sourceAt < targetAt ? 1 : -1;
  return Math.sign(vote);
}
