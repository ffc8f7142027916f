// The Guardrail seam: input guards may block or redact; output guards redact.
import type { GuardViolation } from '../spec/run-result.js';

export interface GuardOutcome {
  /** The text after redaction (unchanged when nothing was found). */
  text: string;
  blocked: boolean;
  violations: GuardViolation[];
}

export interface Guardrail {
  name: string;
  stage: 'input' | 'output' | 'both';
  check(text: string): GuardOutcome;
}

export interface GuardrailPipeline {
  /** Runs the input guards in order; stops at the first block. */
  checkInput(text: string): GuardOutcome;
  /** Redacts a text on the way out. */
  checkOutput(text: string): GuardOutcome;
  /** Redacts every string inside a JSON value (structured output, results). */
  redactValue<T>(value: T): { value: T; violations: GuardViolation[] };
}
