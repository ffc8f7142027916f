// What riptide's components hold of telemetry: an observer for runs and the HTTP request spans the
// server opens, behind an interface, so that only an enabled setup ever loads the OpenTelemetry SDK.
import type { RunObserver } from '../spec/run-observer.js';

/** A span for one HTTP request; runs started while it is active become its children. */
export interface RequestSpan {
  /** Runs `next` (the rest of the request's handling) with this span as the active parent. */
  enter(next: () => void): void;
  end(outcome: { statusCode: number; route: string | undefined }): void;
}

export interface RunTelemetry {
  /** Turns each run's events into spans. */
  observer: RunObserver;
  /** Opens a server span for a request, continuing the caller's trace from its `traceparent` header. */
  startRequestSpan(request: {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
  }): RequestSpan;
  /** Exports what is buffered and stops (the CLI calls it before exiting). */
  shutdown(): Promise<void>;
}
