// Feeds a queue's jobs to a handler with bounded concurrency: takes as many jobs as there are free
// slots whenever it is woken (a job was queued, a handler finished, or the poll interval passed),
// acknowledges each job when its handler returns and fails it (for the queue's retry) when it throws.
import type { QueuedRunJob, RunConsumer, RunJobHandler } from './run-queue.js';

/** A job as a queue hands it out: its payload and the queue's own handle for acknowledging it. */
export interface TakenJob {
  job: QueuedRunJob;
  handle: string;
}

export interface JobSource {
  /** Up to `max` jobs, highest priority first; each is leased to this caller. */
  take(max: number): Promise<TakenJob[]>;
  complete(taken: TakenJob): Promise<void>;
  fail(taken: TakenJob, error: unknown): Promise<void>;
}

export interface DispatcherOptions {
  concurrency: number;
  /** Fallback poll, for jobs queued while a wake-up notification was missed (ms). */
  pollMs: number;
  /** Subscribes to "a job was queued" notices; returns the unsubscribe function. */
  onQueued?: (wake: () => void) => () => void;
  /** Where a failure to take jobs (the database is unreachable) is reported; the next wake-up retries. */
  onError?: (error: unknown) => void;
  /** Queues an offered job whose handler threw, for the queue's retry. */
  requeue(job: QueuedRunJob): Promise<void>;
}

export function dispatchJobs(source: JobSource, handler: RunJobHandler, options: DispatcherOptions): RunConsumer {
  const running = new Set<Promise<void>>();
  let stopping = false;
  let pumping = false;
  let wokenWhilePumping = false;
  /**
   * False once the queue gave fewer jobs than asked for, until the next wake-up: a slot an offered job
   * frees then asks the queue for nothing (on PostgreSQL, a fetch per run saved).
   */
  let jobsMayWait = true;

  /** Runs the handler in a slot; `settle` acknowledges the job or fails it. */
  const occupy = (job: QueuedRunJob, fromQueue: boolean, settle: (outcome: Promise<void>) => Promise<void>) => {
    const work = settle(handler(job))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running.delete(work);
        // A queue that just gave a job may hold more.
        if (fromQueue || jobsMayWait) void pump();
      });
    running.add(work);
  };

  const execute = (taken: TakenJob) =>
    occupy(taken.job, true, (outcome) =>
      outcome.then(
        () => source.complete(taken),
        (error: unknown) => source.fail(taken, error),
      ),
    );

  const pump = async (): Promise<void> => {
    if (pumping) {
      wokenWhilePumping = true;
      return;
    }
    pumping = true;
    try {
      do {
        wokenWhilePumping = false;
        while (!stopping && running.size < options.concurrency) {
          const wanted = options.concurrency - running.size;
          const jobs = await source.take(wanted);
          for (const taken of jobs) execute(taken);
          if (jobs.length < wanted) {
            jobsMayWait = false;
            break;
          }
        }
      } while (wokenWhilePumping && !stopping);
    } catch (error) {
      options.onError?.(error);
    } finally {
      pumping = false;
    }
  };

  const wake = () => {
    jobsMayWait = true;
    void pump();
  };
  const timer = setInterval(wake, options.pollMs);
  timer.unref();
  const unsubscribe = options.onQueued?.(wake);
  wake();

  return {
    get active() {
      return running.size;
    },
    offer(job) {
      if (stopping || running.size >= options.concurrency) return false;
      occupy(job, false, (outcome) => outcome.catch(() => options.requeue(job)));
      return true;
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      unsubscribe?.();
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
