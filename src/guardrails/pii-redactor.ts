// Guard (input and output) that replaces PII and secrets with placeholders like [REDACTED_EMAIL].
// A violation names the kind and how many were found, never the value itself.
import type { GuardViolation } from '../spec/run-result.js';
import type { Guardrail } from './guardrail.js';
import { defaultPiiDetectors, type PiiDetector } from './pii-detectors.js';
import { type DetectorGate, detectorGates, TextFeatures } from './pii-prefilter.js';

export const PII_REDACTOR = 'pii_redactor';

export interface Redaction {
  text: string;
  /** Count per kind, in detector order. */
  counts: Map<string, { count: number; noun: [string, string] }>;
}

export interface PiiRedactionOptions {
  /**
   * Skip a detector on texts that cannot hold a match of its pattern (pii-prefilter.ts). On by
   * default; off only to check that the gate never changes a redaction.
   */
  prefilter?: boolean;
}

/** A redaction function over a fixed list of detectors; the prefilter's gates are built on first use. */
export function piiRedaction(
  detectors: readonly PiiDetector[] = defaultPiiDetectors(),
  { prefilter = true }: PiiRedactionOptions = {},
): (text: string) => Redaction {
  let gates: DetectorGate[] | undefined;
  return (text) => {
    if (prefilter) gates ??= detectorGates(detectors);
    const counts: Redaction['counts'] = new Map();
    let current = text;
    let features: TextFeatures | undefined;
    for (const [index, detector] of detectors.entries()) {
      if (gates) {
        if (features?.text !== current) features = new TextFeatures(current);
        if (!gates[index](features)) continue;
      }
      let rebuilt = '';
      let copiedUpTo = 0;
      let replaced = false;
      for (const match of current.matchAll(detector.pattern)) {
        const replacement = detector.replace(match);
        if (replacement === null) continue;
        const start = match.index ?? 0;
        rebuilt += current.slice(copiedUpTo, start) + replacement;
        copiedUpTo = start + match[0].length;
        replaced = true;
        const entry = counts.get(detector.kind) ?? { count: 0, noun: detector.noun };
        entry.count += 1;
        counts.set(detector.kind, entry);
      }
      // Unchanged text keeps its identity, so its measured features are reused by the next gate.
      if (replaced) current = rebuilt + current.slice(copiedUpTo);
    }
    return { text: current, counts };
  };
}

let defaultRedaction: ((text: string) => Redaction) | undefined;

export function redactPii(text: string, detectors?: readonly PiiDetector[]): Redaction {
  if (detectors) return piiRedaction(detectors)(text);
  // The default detectors are fixed tables: built (and their gates parsed) once per process.
  defaultRedaction ??= piiRedaction();
  return defaultRedaction(text);
}

export function createPiiRedactor(detectors: readonly PiiDetector[] = defaultPiiDetectors()): Guardrail {
  const redact = piiRedaction(detectors);
  return {
    name: PII_REDACTOR,
    stage: 'both',
    async check(text) {
      const { text: redacted, counts } = redact(text);
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
