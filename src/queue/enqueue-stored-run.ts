// Putting a stored `queued` run on the run queue, with the fair priority that interleaves tenants.
import type { RunRecord, Store } from '../store/store.js';
import type { QueuedRunJob, RunQueue } from './run-queue.js';

/** Queues a stored run with a fair priority: minus the backlog its tenant had when it was queued. */
export async function enqueueStoredRun(
  store: Pick<Store, 'queuedRunCount'>,
  queue: RunQueue,
  record: Pick<RunRecord, 'thread_id' | 'tenant_id'>,
): Promise<void> {
  // The count includes this run.
  const backlog = Math.max(0, (await store.queuedRunCount(record.tenant_id)) - 1);
  const job: QueuedRunJob = { thread_id: record.thread_id, tenant_id: record.tenant_id, priority: -backlog };
  await queue.enqueue(job);
}
