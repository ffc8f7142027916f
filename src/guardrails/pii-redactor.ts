// Guard (input and output) that replaces PII and secrets with placeholders like [REDACTED_EMAIL].
// A violation names the kind and how many were found, never the value itself.
import type { GuardViolation } from '../spec/run-result.js';
import type { Guardrail } from './guardrail.js';
import { defaultPiiDetectors, type PiiDetector } from './pii-detectors.js';

export const PII_REDACTOR = 'pii_redactor';

export interface Redaction {
  text: string;
  /** Count per kind, in detector order. */
  counts: Map<string, { count: number; noun: [string, string] }>;
}

export function redactPii(text: string, detectors: readonly PiiDetector[] = defaultPiiDetectors()): Redaction {
  const counts: Redaction['counts'] = new Map();
  let current = text;
  for (const detector of detectors) {
    let rebuilt = '';
    let copiedUpTo = 0;
    for (const match of current.matchAll(detector.pattern)) {
      const replacement = detector.replace(match);
      if (replacement === null) continue;
      const start = match.index ?? 0;
      rebuilt += current.slice(copiedUpTo, start) + replacement;
      copiedUpTo = start + match[0].length;
      const entry = counts.get(detector.kind) ?? { count: 0, noun: detector.noun };
      entry.count += 1;
      counts.set(detector.kind, entry);
    }
    current = rebuilt + current.slice(copiedUpTo);
  }
  return { text: current, counts };
}

export function createPiiRedactor(detectors: readonly PiiDetector[] = defaultPiiDetectors()): Guardrail {
  return {
    name: PII_REDACTOR,
    stage: 'both',
    async check(text) {
      const { text: redacted, counts } = redactPii(text, detectors);
      const violations: GuardViolation[] = [...counts].map(([kind, { count, noun }]) => ({
        guardrail: PII_REDACTOR,
        kind,
        detail: `${count} ${count === 1 ? noun[0] : noun[1]} redacted`,
        action: 'redacted',
      }));
      return { text: redacted, blocked: false, violations };
    },
  };
}
