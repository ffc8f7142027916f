// Background runs (API.md "Background runs"): a run is stored `queued` and put on the run queue; a
// worker — `riptide worker`, or the one `riptide serve` runs in process — executes it durably
// (checkpoint and events before every node), so its stream can be joined from any replica, it can be
// cancelled from any replica, and a worker that dies hands it back to the queue through its lease.

import type { BackgroundRunRequest, RunService } from '../core/run-service.js';
import { RiptideError } from '../errors/riptide-error.js';
import type { RunOptionsInput } from '../spec/run-options.js';
import { isPending, type RunOutcome } from '../spec/run-result.js';
import type { RunRecord, Store } from '../store/store.js';
import { enqueueStoredRun } from './enqueue-stored-run.js';
import { startOrphanedRunSweep } from './orphaned-run-sweep.js';
import type { RunNotices } from './run-notices.js';
import type { QueuedRunJob, RunConsumer, RunQueue } from './run-queue.js';
import { type JoinFrame, joinRunStream } from './run-stream-join.js';
import type { WebhookDelivery, WebhookPayload } from './webhook-delivery.js';

export interface BackgroundRunSubmission extends Partial<BackgroundRunRequest> {
  options: RunOptionsInput;
}

export interface RunWorker {
  /** Runs executing now. */
  readonly active: number;
  /**
   * Graceful shutdown: takes no new runs, lets the running ones finish for up to `timeoutMs`, then
   * hands the rest back to the queue (another worker continues them from their last checkpoint).
   */
  drain(timeoutMs: number): Promise<{ handedBack: number }>;
}

export interface BackgroundRuns {
  readonly queue: RunQueue;
  readonly notices: RunNotices;
  submit(submission: BackgroundRunSubmission): Promise<{ thread_id: string; status: 'queued' }>;
  /** Cancels a queued, running or pending run; `400 run_finished` when it has already ended. */
  cancel(threadId: string): Promise<{ status: 'cancelled' }>;
  /** The run's events after `afterSeq` (-1: from the start), then live ones, up to its end. */
  join(threadId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<JoinFrame>;
  /**
   * Executes queued runs, at most `concurrency` at once. Unless `recover` is false it also takes over
   * stranded runs and sweeps for orphans: runs `queued` for longer than `orphanGraceMs` (default
   * 10 s) are enqueued again, in case the process that stored one died before queueing it.
   */
  startWorker(options: { concurrency: number; recover?: boolean; orphanGraceMs?: number }): RunWorker;
  close(): Promise<void>;
}

export interface BackgroundRunsOptions {
  runs: RunService;
  store: Store;
  queue: RunQueue;
  notices: RunNotices;
  /** Null when no webhook secret is configured: submissions naming a webhook are refused. */
  webhooks: WebhookDelivery | null;
  /** Join streams' poll interval when no notice arrives (ms). */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

/** How many stored `queued` runs an in-process queue takes back when its worker starts. */
const RESTORE_LIMIT = 1_000;

/** A submit stores the run and sends its job within milliseconds; a run queued this long may have no job. */
const DEFAULT_ORPHAN_GRACE_MS = 10_000;

export function createBackgroundRuns(options: BackgroundRunsOptions): BackgroundRuns {
  const { runs, store, queue, notices, webhooks } = options;
  const deliveries = new Set<Promise<unknown>>();
  /** This process's workers: a run submitted here goes straight to one with a free slot. */
  const localConsumers = new Set<RunConsumer>();

  const notify = (record: RunRecord | undefined, outcome: RunOutcome) => {
    if (!webhooks || !record?.webhook) return;
    const payload: WebhookPayload = isPending(outcome)
      ? {
          event: 'run.pending',
          thread_id: record.thread_id,
          tenant_id: record.tenant_id,
          status: outcome.status,
          action: outcome.action,
        }
      : {
          event: outcome.status === 'completed' ? 'run.completed' : 'run.failed',
          thread_id: record.thread_id,
          tenant_id: record.tenant_id,
          status: outcome.status,
          result: outcome,
        };
    // Stable per run and stop, so a receiver can drop the repeat after a takeover.
    const deliveryId = `${record.thread_id}:${payload.event}:${record.pending_seq}`;
    const delivery = webhooks.deliver(record.webhook, payload, deliveryId).finally(() => deliveries.delete(delivery));
    deliveries.add(delivery);
  };

  return {
    queue,
    notices,
    async submit({ options: input, interactive = false, webhook = null }) {
      if (webhook !== null && !webhooks) {
        throw new RiptideError(
          'validation_error',
          'webhook: this server signs webhooks with RIPTIDE_WEBHOOK_SECRET, which is not set',
        );
      }
      const record = await runs.enqueueRun(input, { interactive, webhook });
      // A free slot here takes the run without the queue's round trips (send, wake-up, fetch): a
      // worker fills its slots whenever jobs wait, so a free one overtakes no queued run (but for a
      // missed wake-up's moment). Should this process die before the run's end, the run's lease hands
      // it back to the queue, as any running run's does; before the claim, the orphan sweep does.
      const job: QueuedRunJob = { thread_id: record.thread_id, tenant_id: record.tenant_id, priority: 0 };
      for (const consumer of localConsumers) {
        if (consumer.offer(job)) return { thread_id: record.thread_id, status: 'queued' };
      }
      try {
        await enqueueStoredRun(store, queue, record);
      } catch (error) {
        // Not queued, so never run: say so rather than leave it waiting forever.
        await store.cancelRun(record.thread_id).catch(() => undefined);
        throw error;
      }
      return { thread_id: record.thread_id, status: 'queued' };
    },
    async cancel(threadId) {
      if (await store.cancelRun(threadId)) {
        // The worker running it (any process) aborts its model calls; the store refuses its side effects.
        notices.publish({ kind: 'cancel', thread_id: threadId });
        notices.publish({ kind: 'events', thread_id: threadId });
        return { status: 'cancelled' };
      }
      const record = await store.getRun(threadId);
      if (!record) throw new RiptideError('unknown_run', `no run with thread id '${threadId}'`);
      throw new RiptideError('run_finished', `run '${threadId}' has already ended (status: ${record.status})`);
    },
    join(threadId, afterSeq, signal) {
      return joinRunStream({ store, runs, notices, pollMs: options.pollMs }, threadId, afterSeq, signal);
    },
    startWorker({ concurrency, recover = true, orphanGraceMs = DEFAULT_ORPHAN_GRACE_MS }) {
      const controllers = new Map<string, AbortController>();
      const stopCancels = notices.subscribe((notice) => {
        if (notice.kind === 'cancel') {
          controllers.get(notice.thread_id)?.abort(new RiptideError('aborted', 'the run was cancelled'));
        }
      });
      const handler = async (job: QueuedRunJob) => {
        const controller = new AbortController();
        controllers.set(job.thread_id, controller);
        try {
          const outcome = await runs.executeQueued(job.thread_id, { signal: controller.signal });
          // The record (for its webhook and pending seq) is read only where a webhook could be sent.
          if (outcome && webhooks) notify(await store.getRun(job.thread_id), outcome);
        } catch (error) {
          // Cancelled or handed back: the run's record already says so; the job is done.
          if (controller.signal.aborted) return;
          throw error;
        } finally {
          controllers.delete(job.thread_id);
        }
      };
      if (queue.engine === 'in-process') {
        // This process's queue starts empty: take back the runs that were waiting when it last stopped.
        void store
          .listRuns({ status: 'queued', limit: RESTORE_LIMIT })
          .then((queued) => Promise.all(queued.reverse().map((run) => enqueueStoredRun(store, queue, run))))
          .catch((error: unknown) => options.onError?.(error));
      }
      const consumer = queue.consume(handler, { concurrency });
      localConsumers.add(consumer);
      const recovery = recover ? runs.startRecovery() : null;
      const orphans = recover
        ? startOrphanedRunSweep({
            store,
            queue,
            graceMs: orphanGraceMs,
            intervalMs: Math.min(Math.max(orphanGraceMs, 500), DEFAULT_ORPHAN_GRACE_MS),
            onError: options.onError,
          })
        : null;
      return {
        get active() {
          return consumer.active;
        },
        async drain(timeoutMs) {
          recovery?.stop();
          orphans?.stop();
          localConsumers.delete(consumer);
          const stopped = consumer.stop();
          const finished = await settlesWithin(stopped, timeoutMs);
          let handedBack = 0;
          if (!finished) {
            for (const [threadId, controller] of [...controllers]) {
              // Back to `queued` first, so the aborted invocation can no longer write anything.
              const record = await store.getRun(threadId);
              if (!record || !(await runs.requeue(threadId))) continue;
              controller.abort(new RiptideError('shutting_down', 'the worker is shutting down'));
              await enqueueStoredRun(store, queue, record).catch((error: unknown) => options.onError?.(error));
              handedBack += 1;
            }
            // Aborted invocations end quickly; one stuck in a tool that ignores its signal is left behind.
            await settlesWithin(stopped, timeoutMs);
          }
          stopCancels();
          await Promise.all([...deliveries]);
          return { handedBack };
        },
      };
    },
    async close() {
      await Promise.all([...deliveries]);
      await queue.close();
      await notices.close();
    },
  };
}

/** Whether the promise settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return settled;
}
