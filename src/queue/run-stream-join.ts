// Joining a background run's stream from any replica: every stored event after `Last-Event-ID`
// (each with its sequence number as the SSE id), then live events as the worker stores them (a run
// notice wakes the reader; a slow poll covers a missed notice), ending with `result`, `pending` or
// `error` (a cancelled run).

import type { RunService } from '../core/run-service.js';
import { RiptideError } from '../errors/riptide-error.js';
import type { Store } from '../store/store.js';
import type { RunNotices } from './run-notices.js';

export interface JoinFrame {
  id: string;
  data: { event: string; [key: string]: unknown };
}

export interface JoinDependencies {
  store: Pick<Store, 'getRunProgress'>;
  runs: Pick<RunService, 'getRun'>;
  notices: RunNotices;
  /** Poll interval when no notice arrives (ms). */
  pollMs?: number;
}

export async function* joinRunStream(
  deps: JoinDependencies,
  threadId: string,
  afterSeq: number,
  signal: AbortSignal,
): AsyncGenerator<JoinFrame> {
  let woken = false;
  let wake: (() => void) | null = null;
  const unsubscribe = deps.notices.subscribe((notice) => {
    if (notice.thread_id !== threadId || notice.kind === 'queued') return;
    woken = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  // The terminal frame's id is the number of stored events. A client reconnecting with an id names
  // either a stored event (it gets what follows) or, having seen the end, the terminal frame (it
  // gets that again under the same id); reading from one before its id tells the two apart.
  let last = afterSeq;
  let seen = afterSeq < 0;
  try {
    while (!signal.aborted) {
      woken = false;
      // Status and events in one read: a run that has ended stored its last events in the same
      // transaction as its status, so a read that sees the end sees all of them.
      const run = await deps.store.getRunProgress(threadId, seen ? last : last - 1);
      if (!run) throw new RiptideError('unknown_run', `no run with thread id '${threadId}'`);
      for (const stored of run.events) {
        const event = stored.event as JoinFrame['data'];
        if (!seen) {
          seen = true;
          // The client's own last event: already delivered, unless it ended the stream.
          if (stored.seq === afterSeq && event.event !== 'pending') continue;
        }
        last = stored.seq;
        yield { id: String(stored.seq), data: event };
        if (event.event === 'pending') return;
      }
      // A page of a long run's events: the status belongs after the rest of them.
      if (run.truncated) continue;
      // Ended with no stored event at the client's id: that id was the terminal frame's.
      const terminalId = String(seen ? last + 1 : afterSeq);
      if (run.status === 'completed' || run.status === 'failed') {
        // A failed run stored without a result still answers with one (the run service builds it).
        const result = run.result ?? (await deps.runs.getRun(threadId));
        yield { id: terminalId, data: { event: 'result', result } };
        return;
      }
      if (run.status === 'cancelled') {
        yield { id: terminalId, data: { event: 'error', detail: 'the run was cancelled', code: 'aborted' } };
        return;
      }
      if (run.status === 'pending' && run.pending_action) {
        yield { id: terminalId, data: { event: 'pending', thread_id: threadId, action: run.pending_action } };
        return;
      }
      if (!woken) await sleepUntilWoken(deps.pollMs ?? 1_000, (resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}

function sleepUntilWoken(ms: number, register: (resolve: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
