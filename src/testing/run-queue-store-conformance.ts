// The conformance cases of the Store methods the run queue uses (background runs): storing a queued
// run, claiming it once, handing it back, cancelling, the tenant backlog, the orphan sweep's query
// and paging runs by cursor. Part of the one suite every backend runs (store-conformance.ts).
import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { LIVE_LEASE, queuedRun, sampleResult, sampleRun, steppingClock } from './store-fixtures.js';

/** `open` gives a fresh store, with a pinned clock when `now` is given. */
export function describeRunQueueStore(open: (options?: { now?: () => Date }) => Promise<Store>): void {
  describe('run queue', () => {
    it('stores a queued background run with its webhook, and exactly one worker claims it', async () => {
      const store = await open();
      const created = await store.createRun(queuedRun('q1'));
      expect(created).toMatchObject({ status: 'queued', background: true, owner: null, attempt: 1 });
      expect(created.webhook).toBe('https://hooks.example.com/riptide');
      const claims = await Promise.all(
        ['w1', 'w2', 'w3'].map((owner) => store.claimQueuedRun('q1', owner, LIVE_LEASE)),
      );
      const winners = claims.filter((claim) => claim !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ status: 'running', lease_expires_at: LIVE_LEASE });
      expect(await store.claimQueuedRun('missing', 'w1', LIVE_LEASE)).toBeUndefined();
    });

    it('gives the claimer the whole record, checkpoints with events only for the owner, and reads progress at once', async () => {
      const store = await open();
      const created = await store.createRun(queuedRun('q1'));
      const idle = { pending_action: null, result: null, events: [], truncated: false };
      expect(await store.getRunProgress('q1', -1)).toEqual({ status: 'queued', ...idle });
      const claimed = await store.claimQueuedRun('q1', 'w1', LIVE_LEASE);
      expect(claimed).toEqual({
        ...created,
        status: 'running',
        owner: 'w1',
        lease_expires_at: LIVE_LEASE,
        updated_at: claimed?.updated_at,
      });
      const node = (name: string) => ({ event: 'node', name, duration_ms: 1 });
      const first = [
        { seq: 0, event: node('guard_input') },
        { seq: 1, event: node('orchestrator') },
      ];
      expect(await store.saveRunCheckpoint('q1', 'w2', { next: 'worker', state: {} }, first)).toBe(false);
      expect(await store.listRunEvents('q1')).toEqual([]);
      expect(await store.saveRunCheckpoint('q1', 'w1', { next: 'worker', state: {} }, first)).toBe(true);
      await store.saveRunCheckpoint('q1', 'w1', { next: 'finalize', state: {} }, [{ seq: 2, event: node('worker') }]);
      expect(await store.listRunEvents('q1')).toEqual([...first, { seq: 2, event: node('worker') }]);
      expect((await store.getRun('q1'))?.checkpoint).toEqual({ next: 'finalize', state: {} });
      // After a number inside a batch: the rest of that batch, then the next ones.
      expect(await store.getRunProgress('q1', 0)).toEqual({
        status: 'running',
        ...idle,
        events: [first[1], { seq: 2, event: node('worker') }],
      });
      expect(await store.getRunProgress('q1', 2)).toEqual({ status: 'running', ...idle });
      await store.markRunPending(
        'q1',
        'w1',
        { type: 'clarification', question: 'which one?', subtask: 'pick' },
        { next: 'human_clarify', state: {} },
        [{ seq: 3, event: node('human_clarify') }],
      );
      expect(await store.getRunProgress('q1', 2)).toEqual({
        status: 'pending',
        ...idle,
        pending_action: { type: 'clarification', question: 'which one?', subtask: 'pick' },
        events: [{ seq: 3, event: node('human_clarify') }],
      });
      await store.createRun(sampleRun('done'));
      await store.completeRun('done', 'process-a', sampleResult('done'));
      expect(await store.getRunProgress('done', -1)).toEqual({
        status: 'completed',
        ...idle,
        result: sampleResult('done'),
      });
      expect(await store.getRunProgress('missing', -1)).toBeUndefined();
    });

    it('hands a run back to the queue only for its owner, counting the attempt', async () => {
      const store = await open();
      await store.createRun(queuedRun('q1'));
      const claimed = await store.claimQueuedRun('q1', 'w1', LIVE_LEASE);
      await store.saveRunCheckpoint('q1', 'w1', { next: 'finalize', state: { step: 2 } });
      expect(await store.requeueRun('q1', 'w2')).toBe(false);
      expect(await store.requeueRun('q1', claimed?.owner ?? '')).toBe(true);
      const requeued = await store.getRun('q1');
      expect(requeued).toMatchObject({ status: 'queued', owner: null, lease_expires_at: null, attempt: 2 });
      // The checkpoint stays: the next worker continues from it.
      expect(requeued?.checkpoint).toEqual({ next: 'finalize', state: { step: 2 } });
      expect(await store.requeueRun('q1', 'w1')).toBe(false);
    });

    it('cancels queued, running and pending runs once, never finished ones', async () => {
      const store = await open();
      await store.createRun(queuedRun('queued'));
      await store.createRun(sampleRun('running'));
      await store.createRun(sampleRun('done'));
      await store.completeRun('done', 'process-a', sampleResult('done'));
      expect(await store.cancelRun('queued')).toBe(true);
      expect(await store.cancelRun('running')).toBe(true);
      expect(await store.cancelRun('queued')).toBe(false);
      expect(await store.cancelRun('done')).toBe(false);
      expect(await store.cancelRun('missing')).toBe(false);
      expect((await store.getRun('running'))?.status).toBe('cancelled');
      // A cancelled run cannot be claimed, and no side effect is claimed for it.
      expect(await store.claimQueuedRun('queued', 'w1', LIVE_LEASE)).toBeUndefined();
      expect(await store.claimSideEffect('running:0:call', 'running')).toBe(false);
    });

    it('counts a tenant’s backlog and lists runs queued before a time, longest-waiting first', async () => {
      const clock = steppingClock();
      const store = await open({ now: clock });
      await store.createRun(queuedRun('a1', 'acme'));
      await store.createRun(queuedRun('g1', 'globex'));
      await store.createRun(queuedRun('a2', 'acme'));
      const cutoff = clock().toISOString();
      await store.createRun(queuedRun('a3', 'acme'));
      await store.claimQueuedRun('a2', 'w1', LIVE_LEASE);
      expect(await store.queuedRunCount('acme')).toBe(2);
      expect(await store.queuedRunCount('globex')).toBe(1);
      expect(await store.queuedRunCount('nobody')).toBe(0);
      const stale = await store.listStaleQueuedRuns(cutoff, 10);
      expect(stale.map(({ thread_id, tenant_id }) => ({ thread_id, tenant_id }))).toEqual([
        { thread_id: 'a1', tenant_id: 'acme' },
        { thread_id: 'g1', tenant_id: 'globex' },
      ]);
      expect(stale[0].updated_at).toBe((await store.getRun('a1'))?.updated_at);
      expect((await store.listStaleQueuedRuns(cutoff, 1)).map((run) => run.thread_id)).toEqual(['a1']);
      expect(await store.listStaleQueuedRuns('2000-01-01T00:00:00.000Z', 10)).toEqual([]);
    });

    it('pages stale queued runs after a cursor: no run repeated or skipped, ties on time by thread id', async () => {
      // Five runs queued at the same instant (a burst), then three more a millisecond apart each.
      const stepping = steppingClock();
      let burst = true;
      const store = await open({ now: () => (burst ? new Date('2026-01-01T00:00:00.000Z') : stepping()) });
      for (const id of ['t5', 't3', 't1', 't4', 't2']) await store.createRun(queuedRun(id));
      burst = false;
      for (const id of ['u1', 'u2', 'u3']) await store.createRun(queuedRun(id));
      await store.claimQueuedRun('u2', 'w1', LIVE_LEASE);
      const cutoff = '2100-01-01T00:00:00.000Z';
      const pages: string[][] = [];
      let after: Awaited<ReturnType<Store['listStaleQueuedRuns']>>[number] | undefined;
      for (;;) {
        const page = await store.listStaleQueuedRuns(cutoff, 2, after);
        if (page.length === 0) break;
        pages.push(page.map((run) => run.thread_id));
        after = page.at(-1);
      }
      const all = (await store.listStaleQueuedRuns(cutoff, 100)).map((run) => run.thread_id);
      expect(pages.flat()).toEqual(all);
      expect(all.slice(0, 5)).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(new Set(all)).toEqual(new Set(['t1', 't2', 't3', 't4', 't5', 'u1', 'u3']));
      expect(pages.every((page) => page.length <= 2)).toBe(true);
    });

    it('pages runs by cursor without overlap, and an unknown cursor is an empty page', async () => {
      const store = await open({ now: steppingClock() });
      for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) await store.createRun(queuedRun(id));
      const all = await store.listRuns({ limit: 100 });
      const first = await store.listRuns({ limit: 2 });
      const rest = await store.listRuns({ limit: 100, cursor: first[1].thread_id });
      expect([...first, ...rest].map((run) => run.thread_id)).toEqual(all.map((run) => run.thread_id));
      expect((await store.listRuns({ status: 'queued', limit: 100 })).map((run) => run.status)).toEqual(
        Array(5).fill('queued'),
      );
      expect(await store.listRuns({ cursor: 'missing' })).toEqual([]);
    });
  });
}
