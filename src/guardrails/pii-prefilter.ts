// A cheap gate in front of each PII detector: from the detector's pattern it knows what any candidate
// must contain (regex-requirements.ts), counts the text's digits and capitals once, and lets a detector
// run only when the text has enough of them and one of its literals. Most strings an agent's run
// produces ("42", "analyst", "The answer is 42.") fail every detector's requirement, and the
// detectors' big caseless alternations cost microseconds per string even when nothing matches.
import type { PiiDetector } from './pii-detector.js';
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

/** True when the text could hold a match of a regex with this requirement. */
export function couldMatch(requirement: RegexRequirement, features: TextFeatures): boolean {
  if (
    features.length < requirement.minLength ||
    features.digits < requirement.digits ||
    features.uppercase < requirement.uppercase
  ) {
    return false;
  }
  const { literals } = requirement;
  if (literals === null) return true;
  const text = features.lowercase;
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}

/** One gate per detector, in the detectors' order (built once per redactor: parsing costs ~ms). */
export function detectorGates(detectors: readonly PiiDetector[]): DetectorGate[] {
  return detectors.map((detector) => {
    const requirement = regexRequirement(detector.pattern);
    return (features) => couldMatch(requirement, features);
  });
}
