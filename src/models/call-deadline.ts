// The abort signal of one model call: the caller's signal (a client that went away, a cancelled
// run) combined with the call's own timeout. One controller and one timer, released as soon as the
// call ends — cheaper than AbortSignal.timeout + AbortSignal.any on every call, and nothing lingers.
import { RiptideError } from '../errors/riptide-error.js';

export interface CallDeadline {
  signal: AbortSignal;
  /** Whether the timeout (not the caller) ended the call. */
  readonly timedOut: boolean;
  /** Stops the timer and detaches from the caller's signal. */
  release(): void;
}

export function callDeadline(timeoutMs: number, callerSignal?: AbortSignal): CallDeadline {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new RiptideError('model_timeout', `the model did not answer within ${timeoutMs} ms`));
  }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
