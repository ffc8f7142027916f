// The RunQueue seam: background runs waiting for a worker. On PostgreSQL it is pg-boss, shared by every
// process on the database (pg-boss-run-queue.ts); on the embedded SQLite default it is in process
// (in-process-run-queue.ts). Both hand jobs to the same dispatcher (job-dispatcher.ts).

/** One queued background run. */
export interface QueuedRunJob {
  thread_id: string;
  tenant_id: string;
  /**
   * Higher runs first; ties in submission order. A run's priority is minus its tenant's backlog when
   * it was queued, so the queue interleaves tenants: one tenant's burst cannot starve another.
   */
  priority: number;
}

/** Executes one job; a handler that throws has its job retried later with backoff. */
export type RunJobHandler = (job: QueuedRunJob) => Promise<void>;

export interface RunConsumer {
  /** Handlers running now. */
  readonly active: number;
  /**
   * Runs a job at once, without the queue, when a slot is free: for a run this process has just
   * stored, which no other process can know of yet. False when every slot is busy or the consumer is
   * stopping (queue it then). A handler that throws has its job queued for the usual retry.
   */
  offer(job: QueuedRunJob): boolean;
  /** Stops taking jobs and resolves once the handlers already running have returned. */
  stop(): Promise<void>;
}

export interface RunQueue {
  /** `pg-boss` (shared by every process on the database) or `in-process` (this process only). */
  readonly engine: 'pg-boss' | 'in-process';
  /**
   * Queues the run, unless a job for it already waits (one waiting job per run, so the orphan sweep
   * may enqueue any run it finds `queued`). A job handed out but not yet claimed can coexist with a
   * new one; the store lets exactly one of them claim the run.
   */
  enqueue(job: QueuedRunJob): Promise<void>;
  /** Takes jobs, at most `concurrency` handlers at once, until stopped. */
  consume(handler: RunJobHandler, options: { concurrency: number }): RunConsumer;
  close(): Promise<void>;
}
