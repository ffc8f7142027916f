// Submitting a background run is two steps on two systems — the run stored `queued`, then its job
// sent to the queue — so a process that dies between them leaves a run no worker will ever take.
// Workers sweep for such orphans: every run queued for longer than a grace period is enqueued again.
// The queue keeps one waiting job per run (run-queue.ts), so a run that has its job is left as it is.
import type { Store } from '../store/store.js';
import { enqueueStoredRun } from './enqueue-stored-run.js';
import type { RunQueue } from './run-queue.js';

export interface OrphanedRunSweepOptions {
  store: Pick<Store, 'listStaleQueuedRuns' | 'queuedRunCount'>;
  queue: RunQueue;
  /** How long a run waits `queued` before it is enqueued again (ms): longer than a submit takes. */
  graceMs: number;
  /** Time between sweeps (ms). */
  intervalMs: number;
  /** Runs enqueued again per sweep, longest-waiting first. */
  batch?: number;
  onError?: (error: unknown) => void;
}

export function startOrphanedRunSweep(options: OrphanedRunSweepOptions): { stop(): void } {
  const { store, queue } = options;
  let sweeping = false;
  const sweep = async () => {
    const queuedBefore = new Date(Date.now() - options.graceMs).toISOString();
    for (const run of await store.listStaleQueuedRuns(queuedBefore, options.batch ?? 100)) {
      await enqueueStoredRun(store, queue, run);
    }
  };
  const tick = () => {
    // One sweep at a time: a slow database must not pile them up.
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        sweeping = false;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
