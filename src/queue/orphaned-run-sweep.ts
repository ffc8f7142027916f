// Submitting a background run is two steps on two systems — the run stored `queued`, then its job
// sent to the queue — so a process that dies between them leaves a run no worker will ever take.
// Workers sweep for such orphans: every run queued for longer than a grace period is enqueued again.
// The queue keeps one waiting job per run (run-queue.ts), so a run that has its job is left as it is.
// A sweep drains every stale run, a bounded page at a time (a backlog of thousands is neither read
// in one query nor left for later sweeps 100 at a time).
import type { StaleQueuedRun, Store } from '../store/store.js';
import type { RunQueue } from './run-queue.js';

export interface OrphanedRunSweepOptions {
  store: Pick<Store, 'listStaleQueuedRuns'>;
  queue: RunQueue;
  /** How long a run waits `queued` before it is enqueued again (ms): longer than a submit takes. */
  graceMs: number;
  /** Time between sweeps (ms). */
  intervalMs: number;
  /** Runs read and enqueued at a time, longest-waiting first (default 100); a sweep reads pages until none is left. */
  pageSize?: number;
  onError?: (error: unknown) => void;
}

export interface OrphanedRunSweep {
  /** Stops the timer; a sweep in progress ends after its current page. */
  stop(): void;
  /** Resolves when the sweep in progress (if any) has ended. */
  idle(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 100;

export function startOrphanedRunSweep(options: OrphanedRunSweepOptions): OrphanedRunSweep {
  const { store, queue } = options;
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  let stopped = false;
  let sweeping: Promise<void> | null = null;

  const sweep = async () => {
    const queuedBefore = new Date(Date.now() - options.graceMs).toISOString();
    // The fair priority of a run is minus its tenant's backlog ahead of it (enqueue-stored-run.ts).
    // Every older queued run of its tenant is stale too and came earlier in this sweep, so the count
    // seen so far is that backlog — no count query per run.
    const ahead = new Map<string, number>();
    let after: StaleQueuedRun | undefined;
    while (!stopped) {
      const page = await store.listStaleQueuedRuns(queuedBefore, pageSize, after);
      const jobs = page.map((run) => {
        const backlog = ahead.get(run.tenant_id) ?? 0;
        ahead.set(run.tenant_id, backlog + 1);
        return { thread_id: run.thread_id, tenant_id: run.tenant_id, priority: -backlog };
      });
      await Promise.all(jobs.map((job) => queue.enqueue(job)));
      if (page.length < pageSize) return;
      after = page[page.length - 1];
    }
  };
  const tick = () => {
    // One sweep at a time: a slow database must not pile them up.
    if (sweeping || stopped) return;
    sweeping = sweep()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        sweeping = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    async idle() {
      await sweeping;
    },
  };
}
