// The Guardrail seam: input guards may block or redact, output guards redact, and tool-output
// screens decide whether a tool's result reaches the model. Checks are async so a guard may call a
// model (see model-judge-guardrail.ts) behind the same interface as the local detectors.
import type { GuardViolation } from '../spec/run-result.js';

export interface GuardOutcome {
  /** The text after redaction (unchanged when nothing was found). */
  text: string;
  blocked: boolean;
  violations: GuardViolation[];
}

/** How a check may call out (only a model-judge guard does): the run's offline flag and abort signal. */
export interface GuardCallOptions {
  offline?: boolean;
  signal?: AbortSignal;
}

/** Where the text being checked comes from; a tool's output is data, never instructions. */
export interface GuardContext extends GuardCallOptions {
  source: 'input' | 'output' | 'tool_output';
  /** The tool whose output is screened (source `tool_output`). */
  tool?: string;
}

export interface Guardrail {
  name: string;
  stage: 'input' | 'output' | 'both';
  /** Also runs on tool outputs before a model sees them (a block there quarantines the output). */
  screensToolOutput?: boolean;
  /** `context` defaults to `{ source: 'input' }`. */
  check(text: string, context?: GuardContext): Promise<GuardOutcome>;
}

export interface ToolOutputScreening {
  /** What the model sees: the output itself, or a short notice when it was quarantined. */
  text: string;
  quarantined: boolean;
  violations: GuardViolation[];
}

export interface GuardrailPipeline {
  /** Runs the input guards in order; stops at the first block. */
  checkInput(text: string, options?: GuardCallOptions): Promise<GuardOutcome>;
  /** Redacts a text on the way out. */
  checkOutput(text: string): Promise<GuardOutcome>;
  /** Redacts every string inside a JSON value (structured output, results). */
  redactValue<T>(value: T): Promise<{ value: T; violations: GuardViolation[] }>;
  /** Screens a tool's output for instructions aimed at the model (indirect prompt injection). */
  screenToolOutput(text: string, context: { tool: string } & GuardCallOptions): Promise<ToolOutputScreening>;
}
