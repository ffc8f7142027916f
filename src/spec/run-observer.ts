// The observer seam of the run core: whatever watches runs from outside (OpenTelemetry traces,
// Prometheus metrics) sees each invocation's events as the run emits them, and never changes the run.
import type { RunEvent } from './run-events.js';

/** Which run an invocation belongs to, and how it began. */
export interface ObservedRun {
  threadId: string;
  tenantId: string;
  task: string;
  interactive: boolean;
  /** A start (or a restart from the beginning), a resume with a human's answer, or a continuation from a checkpoint (a takeover). */
  kind: 'start' | 'resume' | 'continue';
}

/** One invocation of a run, watched. Implementations must not throw (a run never fails for telemetry). */
export interface RunObservation {
  /** Every event of the invocation, in order, as the run emits it (result and pending included). */
  event(event: RunEvent): void;
  /** The invocation is over; `error` is set when it ended with an error its caller sees (budget, abort). */
  end(error?: unknown): void;
}

export interface RunObserver {
  begin(run: ObservedRun): RunObservation;
}
