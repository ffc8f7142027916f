// The run queue of the embedded SQLite default: an in-memory priority queue local to this process
// (API.md: "on the embedded SQLite default it is local to the process"). Queued runs survive a
// restart in the store; the background-run service queues them again when its worker starts.
import { dispatchJobs, type JobSource, type TakenJob } from './job-dispatcher.js';
import type { QueuedRunJob, RunQueue } from './run-queue.js';

const POLL_MS = 1_000;
const RETRY_LIMIT = 5;
const RETRY_BASE_MS = 500;

interface Entry {
  job: QueuedRunJob;
  order: number;
  attempts: number;
}

export function createInProcessRunQueue(): RunQueue {
  // Kept sorted: priority descending, then submission order.
  const waiting: Entry[] = [];
  const taken = new Map<string, Entry>();
  const wakers = new Set<() => void>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let order = 0;
  let handles = 0;

  const insert = (entry: Entry) => {
    const at = waiting.findIndex(
      (other) =>
        other.job.priority < entry.job.priority ||
        (other.job.priority === entry.job.priority && other.order > entry.order),
    );
    waiting.splice(at === -1 ? waiting.length : at, 0, entry);
    for (const wake of wakers) wake();
  };

  const source: JobSource = {
    async take(max) {
      return waiting.splice(0, max).map((entry) => {
        handles += 1;
        const handle = String(handles);
        taken.set(handle, entry);
        return { job: entry.job, handle } satisfies TakenJob;
      });
    },
    async complete({ handle }) {
      taken.delete(handle);
    },
    async fail({ handle }) {
      const entry = taken.get(handle);
      taken.delete(handle);
      if (!entry || entry.attempts >= RETRY_LIMIT) return;
      // Exponential backoff, as pg-boss's retryBackoff does on PostgreSQL.
      const timer = setTimeout(
        () => {
          retryTimers.delete(timer);
          insert({ ...entry, attempts: entry.attempts + 1 });
        },
        RETRY_BASE_MS * 2 ** entry.attempts,
      );
      timer.unref();
      retryTimers.add(timer);
    },
  };

  const enqueue = async (job: QueuedRunJob) => {
    if (waiting.some((entry) => entry.job.thread_id === job.thread_id)) return;
    order += 1;
    insert({ job, order, attempts: 0 });
  };

  return {
    engine: 'in-process',
    enqueue,
    consume(handler, { concurrency }) {
      return dispatchJobs(source, handler, {
        concurrency,
        pollMs: POLL_MS,
        requeue: enqueue,
        onQueued: (wake) => {
          wakers.add(wake);
          return () => wakers.delete(wake);
        },
      });
    },
    async close() {
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      waiting.length = 0;
    },
  };
}
