// A cheap gate in front of each PII detector: from the detector's pattern it knows what any candidate
// must contain (regex-requirements.ts), counts the text's digits and capitals once, and lets a detector
// run only when the text has enough of them and one of its literals. Most strings an agent's run
// produces ("42", "analyst", "The answer is 42.") fail every detector's requirement, and the
// detectors' big caseless alternations cost microseconds per string even when nothing matches.
import type { PiiDetector } from './pii-detector.js';
import { shippedRequirement } from './pii-requirement-snapshot.js';
import { type RegexRequirement, regexRequirement } from './regex-requirements.js';

/** What the gate reads from a text: measured once per text, lowercased only when a literal is asked for. */
export class TextFeatures {
  readonly length: number;
  readonly digits: number;
  readonly uppercase: number;
  private lowered: string | undefined;

  constructor(readonly text: string) {
    let digits = 0;
    let uppercase = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) digits++;
      else if (code >= 0x41 && code <= 0x5a) uppercase++;
      else if (code > 0x7f) {
        const point = text.codePointAt(i) ?? code;
        if (UPPERCASE_LETTER.test(String.fromCodePoint(point))) uppercase++;
        if (point > 0xffff) i++;
      }
    }
    this.length = text.length;
    this.digits = digits;
    this.uppercase = uppercase;
  }

  get lowercase(): string {
    this.lowered ??= this.text.toLowerCase();
    return this.lowered;
  }
}

const UPPERCASE_LETTER = /^\p{Lu}$/u;

export type DetectorGate = (features: TextFeatures) => boolean;

const escapeLiteral = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The gate for one requirement: true when a text could hold a match. The literals are looked for
 * with one alternation over the lowercased text, ~20× faster than a loop of `includes` on a few
 * dozen words.
 */
export function requirementGate(requirement: RegexRequirement): DetectorGate {
  const { minLength, digits, uppercase, literals } = requirement;
  const anyLiteral = literals === null ? null : new RegExp(literals.map(escapeLiteral).join('|'));
  return (features) =>
    features.length >= minLength &&
    features.digits >= digits &&
    features.uppercase >= uppercase &&
    (anyLiteral === null || anyLiteral.test(features.lowercase));
}

/** One gate per detector, in the detectors' order (built once per redactor, from the shipped snapshot where it can). */
export function detectorGates(detectors: readonly PiiDetector[]): DetectorGate[] {
  return detectors.map((detector) =>
    requirementGate(shippedRequirement(detector.pattern) ?? regexRequirement(detector.pattern)),
  );
}
