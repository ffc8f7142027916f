// The orphan sweep on a real SQLite store and the in-process queue: one sweep drains a backlog far
// larger than a page, reading it in bounded pages, with the fair per-tenant priorities a submit
// would have given; runs that are not stale, or no longer queued, are left alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { LIVE_LEASE, queuedRun } from '../testing/store-fixtures.js';
import { createInProcessRunQueue } from './in-process-run-queue.js';
import { startOrphanedRunSweep } from './orphaned-run-sweep.js';
import type { QueuedRunJob, RunQueue } from './run-queue.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function storeWithClock(now: () => Date): Promise<Store> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-sweep-'));
  const store = await createSqliteStore({ file: path.join(directory, 'riptide.sqlite'), now });
  cleanups.push(
    () => store.close(),
    () => fs.rmSync(directory, { recursive: true, force: true }),
  );
  return store;
}

async function queueRun(store: Store, threadId: string, tenant: string): Promise<void> {
  await store.createRun(queuedRun(threadId, tenant));
}

/** Everything the queue hands out, in the order it hands it out (priority, then submission). */
async function drainQueue(queue: RunQueue, expected: number): Promise<QueuedRunJob[]> {
  const taken: QueuedRunJob[] = [];
  let release: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  const consumer = queue.consume(
    async (job) => {
      taken.push(job);
      if (taken.length === expected) release();
    },
    { concurrency: 1 },
  );
  const deadline = setTimeout(release, 10_000);
  await all;
  clearTimeout(deadline);
  await consumer.stop();
  return taken;
}

describe('orphaned run sweep', () => {
  it('drains a backlog of many pages in one sweep, in bounded pages, interleaving tenants', async () => {
    let clock = Date.parse('2026-03-10T12:00:00.000Z');
    const store = await storeWithClock(() => new Date(clock++));
    // 230 runs of a bursty tenant, then 20 of a quiet one, all long stale.
    for (let index = 0; index < 230; index++)
      await queueRun(store, `burst-${String(index).padStart(3, '0')}`, 'bursty');
    for (let index = 0; index < 20; index++) await queueRun(store, `quiet-${String(index).padStart(3, '0')}`, 'quiet');
    // Not orphans: one claimed by a worker, one queued just now (within the grace period).
    await store.claimQueuedRun('burst-005', 'a-worker', LIVE_LEASE);
    clock = Date.now();
    await queueRun(store, 'fresh', 'quiet');

    const pages: number[] = [];
    const counted: Pick<Store, 'listStaleQueuedRuns'> = {
      async listStaleQueuedRuns(queuedBefore, limit, after) {
        const page = await store.listStaleQueuedRuns(queuedBefore, limit, after);
        pages.push(page.length);
        expect(page.length).toBeLessThanOrEqual(limit);
        return page;
      },
    };
    const queue = createInProcessRunQueue();
    cleanups.push(() => queue.close());
    const sweep = startOrphanedRunSweep({
      store: counted,
      queue,
      graceMs: 60_000,
      intervalMs: 3_600_000,
      pageSize: 40,
    });
    cleanups.push(() => sweep.stop());
    await sweep.idle();

    // 249 stale queued runs in pages of at most 40: 7 pages (the last one short ends the sweep).
    expect(pages).toEqual([40, 40, 40, 40, 40, 40, 9]);
    const jobs = await drainQueue(queue, 249);
    expect(jobs).toHaveLength(249);
    const ids = new Set(jobs.map((job) => job.thread_id));
    expect(ids.size).toBe(249);
    expect(ids.has('burst-005')).toBe(false);
    expect(ids.has('fresh')).toBe(false);
    // Fair priorities: the quiet tenant's runs are not stuck behind the burst — its k-th run ranks
    // with the bursty tenant's k-th, so all 20 are handed out within the first 40.
    const quietPositions = jobs.flatMap((job, position) => (job.tenant_id === 'quiet' ? [position] : []));
    expect(quietPositions).toHaveLength(20);
    expect(Math.max(...quietPositions)).toBeLessThan(40);
    expect(jobs.filter((job) => job.tenant_id === 'bursty').map((job) => job.priority)).toEqual(
      Array.from({ length: 229 }, (_, index) => -index),
    );
  });

  it('stops between pages when stopped mid-sweep', async () => {
    let clock = Date.parse('2026-03-10T12:00:00.000Z');
    const store = await storeWithClock(() => new Date(clock++));
    for (let index = 0; index < 30; index++) await queueRun(store, `run-${String(index).padStart(2, '0')}`, 'acme');
    const queue = createInProcessRunQueue();
    cleanups.push(() => queue.close());
    let reads = 0;
    let stop: () => void = () => undefined;
    const sweep = startOrphanedRunSweep({
      store: {
        async listStaleQueuedRuns(queuedBefore, limit, after) {
          reads += 1;
          if (reads === 2) stop();
          return store.listStaleQueuedRuns(queuedBefore, limit, after);
        },
      },
      queue,
      graceMs: 0,
      intervalMs: 3_600_000,
      pageSize: 10,
    });
    stop = () => sweep.stop();
    await sweep.idle();
    // The page being read when it stopped is still enqueued; no third page is read.
    expect(reads).toBe(2);
    expect(await drainQueue(queue, 20)).toHaveLength(20);
  });
});
