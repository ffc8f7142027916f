// The run queue on PostgreSQL: pg-boss (a maintained job queue on SKIP LOCKED), in its own schema of
// the store's database, shared by every API process and worker. pg-boss keeps the jobs durable,
// hands each to one worker, orders them by priority, and retries a job whose handler failed with
// exponential backoff. A run notice wakes idle workers at once instead of waiting for the next poll.
import pRetry from 'p-retry';
import PgBoss from 'pg-boss';
import { dispatchJobs, type JobSource } from './job-dispatcher.js';
import type { RunNotices } from './run-notices.js';
import type { QueuedRunJob, RunQueue } from './run-queue.js';

export interface PgBossRunQueueOptions {
  url: string;
  /** pg-boss's schema (default `riptide_queue`). */
  schema?: string;
  notices: RunNotices;
  /** Fallback poll when a wake-up notice was missed (ms). */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

const RUN_QUEUE = 'riptide-runs';
// A job outlives its worker's crash by this much before pg-boss retries it; a dead worker's run is
// usually handed back sooner by the run lease (run-leases.ts), and a retried job finds it taken.
const JOB_EXPIRY_SECONDS = 3_600;

const QUEUE_OPTIONS = {
  name: RUN_QUEUE,
  // `short`: at most one waiting (created) job per singleton key — jobs are keyed by thread id, so a
  // run is never queued twice; retried and active jobs are not limited.
  policy: 'short',
  retryLimit: 10,
  retryDelay: 1,
  retryBackoff: true,
  expireInSeconds: JOB_EXPIRY_SECONDS,
} satisfies PgBoss.Queue;

/** Starts pg-boss (creating its schema on a fresh database) and makes sure the run queue exists. */
async function startBoss(options: PgBossRunQueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema ?? 'riptide_queue',
    max: 4,
    schedule: false,
    application_name: 'riptide-queue',
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  // Processes starting together on a fresh database race to create the queue: one creates it, and
  // the others either find it or lose a deadlock inside pg-boss's create_queue (PostgreSQL aborts
  // one side). Try again with backoff until the queue is there.
  await pRetry(
    async () => {
      const existing = await boss.getQueue(RUN_QUEUE);
      if (existing) {
        // A queue made before runs were keyed by thread id: switch it (jobs keep the policy they had).
        if (existing.policy !== QUEUE_OPTIONS.policy) await boss.updateQueue(RUN_QUEUE, QUEUE_OPTIONS);
        return;
      }
      await boss.createQueue(RUN_QUEUE, QUEUE_OPTIONS).catch(async (error: unknown) => {
        if (!(await boss.getQueue(RUN_QUEUE))) throw error;
      });
    },
    { retries: 6, minTimeout: 50, maxTimeout: 2_000, randomize: true },
  );
  return boss;
}

/**
 * pg-boss starts on first use — a submit or a worker — so one-shot commands (`riptide run`, `eval`,
 * `costs`…) never open its pool, run its migrations or start its maintenance timers.
 */
export async function createPgBossRunQueue(options: PgBossRunQueueOptions): Promise<RunQueue> {
  let starting: Promise<PgBoss> | null = null;
  const started = () => {
    // A failed start is tried again on the next use (the database may come back).
    starting ??= startBoss(options).catch((error: unknown) => {
      starting = null;
      throw error;
    });
    return starting;
  };

  const source: JobSource = {
    async take(max) {
      const boss = await started();
      const jobs = await boss.fetch<QueuedRunJob>(RUN_QUEUE, { batchSize: max, priority: true });
      return jobs.map((job) => ({ job: job.data, handle: job.id }));
    },
    async complete({ handle }) {
      await (await started()).complete(RUN_QUEUE, handle);
    },
    async fail({ handle }, error) {
      await (await started()).fail(RUN_QUEUE, handle, {
        message: error instanceof Error ? error.message : String(error),
      });
    },
  };

  const enqueue = async (job: QueuedRunJob) => {
    // Null when a job for this run already waits: nothing new to wake a worker for.
    const id = await (await started()).send(RUN_QUEUE, job, { priority: job.priority, singletonKey: job.thread_id });
    if (id !== null) options.notices.publish({ kind: 'queued', thread_id: job.thread_id });
  };

  return {
    engine: 'pg-boss',
    enqueue,
    consume(handler, { concurrency }) {
      return dispatchJobs(source, handler, {
        concurrency,
        pollMs: options.pollMs ?? 1_000,
        onError: options.onError,
        requeue: enqueue,
        onQueued: (wake) =>
          options.notices.subscribe((notice) => {
            if (notice.kind === 'queued') wake();
          }),
      });
    },
    async close() {
      // Never started: nothing to stop. A start in flight is waited for, then stopped.
      const boss = await starting?.catch(() => null);
      await boss?.stop({ graceful: false, wait: true, close: true });
    },
  };
}
