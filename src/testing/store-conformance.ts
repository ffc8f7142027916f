// The one conformance suite every Store backend runs (SQLite today, PostgreSQL beside it): each
// Store method is exercised against a fresh store from the backend's factory.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store, UsageRecord } from '../store/store.js';
import { describeRunQueueStore } from './run-queue-store-conformance.js';
import { LIVE_LEASE, SAMPLE_OWNER, sampleResult, sampleRun, sampleUsage, steppingClock } from './store-fixtures.js';

export interface StoreFactoryOptions {
  /** Pinned clock for timestamps; the backend must use it for created_at/updated_at. */
  now?: () => Date;
}

/** Latency percentiles come from a histogram whose buckets are within 1 % of every latency in them. */
function expectWithinOnePercent(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.01 * expected);
}

export type StoreFactory = (options?: StoreFactoryOptions) => Promise<Store>;

export function runStoreConformance(name: string, factory: StoreFactory): void {
  describe(`Store conformance: ${name}`, () => {
    const opened: Store[] = [];
    const open = async (options?: StoreFactoryOptions) => {
      const store = await factory(options);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('migrates idempotently', async () => {
      const store = await open();
      await store.migrate();
      await store.migrate();
      expect(await store.listWorkflows()).toEqual([]);
    });

    describe('runs', () => {
      it('creates and reads back a run with its configuration', async () => {
        const store = await open();
        const created = await store.createRun(sampleRun('thread-1'));
        expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
        const run = await store.getRun('thread-1');
        expect(run).toEqual(created);
        expect(run?.options.tenant_id).toBe('acme');
        expect(run?.history).toHaveLength(2);
        expect(run?.interactive).toBe(true);
        expect(await store.getRun('missing')).toBeUndefined();
      });

      it('rejects a duplicate thread id', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        await expect(store.createRun(sampleRun('thread-1'))).rejects.toThrow();
      });

      it('marks pending with increasing sequence numbers and claims each stop once', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        const action = { type: 'tool_approval' as const, tool: 'write_file', arguments: { path: 'a' }, subtask: 's' };
        const checkpoint = { next: 'human_approval', state: { cursor: 0 } };
        expect(await store.markRunPending('thread-1', 'someone-else', action, checkpoint)).toBeUndefined();
        expect(await store.markRunPending('thread-1', SAMPLE_OWNER, action, checkpoint)).toBe(1);
        const pending = await store.getRun('thread-1');
        expect(pending).toMatchObject({ status: 'pending', pending_action: action, checkpoint, owner: null });
        expect(pending?.lease_expires_at).toBeNull();

        const claim = (owner: string) => ({ input: { approved: true }, owner, lease_expires_at: LIVE_LEASE });
        expect(await store.claimResume('thread-1', 2, claim('b'))).toBe(false);
        expect(await store.claimResume('thread-1', 1, claim('b'))).toBe(true);
        expect(await store.claimResume('thread-1', 1, claim('c'))).toBe(false);
        const resumed = await store.getRun('thread-1');
        expect(resumed).toMatchObject({
          status: 'running',
          pending_action: null,
          owner: 'b',
          resume_input: { approved: true },
          checkpoint,
        });

        const question = { type: 'clarification' as const, question: 'which file?', subtask: 's' };
        expect(await store.markRunPending('thread-1', 'b', question, checkpoint)).toBe(2);
        expect(await store.claimResume('thread-1', 1, claim('d'))).toBe(false);
        expect(await store.claimResume('missing', 1, claim('d'))).toBe(false);
        const claims = await Promise.all([
          store.claimResume('thread-1', 2, claim('e')),
          store.claimResume('thread-1', 2, claim('f')),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it('only the owner checkpoints, pauses, completes or fails a run', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        const checkpoint = { next: 'critic', state: { cursor: 2 } };
        expect(await store.saveRunCheckpoint('thread-1', 'intruder', checkpoint)).toBe(false);
        expect(await store.saveRunCheckpoint('thread-1', SAMPLE_OWNER, checkpoint)).toBe(true);
        expect((await store.getRun('thread-1'))?.checkpoint).toEqual(checkpoint);
        expect(await store.completeRun('thread-1', 'intruder', sampleResult('thread-1'))).toBe(false);
        expect(await store.failRun('thread-1', 'intruder', null)).toBe(false);
        expect(await store.completeRun('missing', SAMPLE_OWNER, sampleResult('missing'))).toBe(false);
        expect((await store.getRun('thread-1'))?.status).toBe('running');
        expect(await store.completeRun('thread-1', SAMPLE_OWNER, sampleResult('thread-1'))).toBe(true);
        // A finished run keeps no lease and no checkpoint; nobody owns it any more.
        expect(await store.getRun('thread-1')).toMatchObject({ owner: null, lease_expires_at: null, checkpoint: null });
        expect(await store.completeRun('thread-1', SAMPLE_OWNER, sampleResult('thread-1'))).toBe(false);
      });

      it('renews the leases of one owner and lets exactly one process take over an expired run', async () => {
        const store = await open();
        await store.createRun({ ...sampleRun('dead'), owner: 'crashed', lease_expires_at: '2000-01-01T00:00:00.000Z' });
        await store.createRun({
          ...sampleRun('alive'),
          owner: 'healthy',
          lease_expires_at: '2000-01-01T00:00:00.000Z',
        });
        await store.createRun({ ...sampleRun('later'), owner: 'crashed', lease_expires_at: LIVE_LEASE });
        expect(await store.renewRunLeases('healthy', LIVE_LEASE)).toBe(1);
        const now = '2020-01-01T00:00:00.000Z';
        const [first, second] = await Promise.all([
          store.claimExpiredRuns('p1', now, LIVE_LEASE, 10),
          store.claimExpiredRuns('p2', now, LIVE_LEASE, 10),
        ]);
        const taken = [...first, ...second];
        expect(taken.map((run) => run.thread_id)).toEqual(['dead']);
        expect(taken[0]).toMatchObject({ status: 'running', lease_expires_at: LIVE_LEASE, attempt: 2 });
        expect(['p1', 'p2']).toContain(taken[0].owner);
        expect(await store.claimExpiredRuns('p3', now, LIVE_LEASE, 10)).toEqual([]);
        // The previous owner has lost the run: it can no longer finish it.
        expect(await store.completeRun('dead', 'crashed', sampleResult('dead'))).toBe(false);
      });

      it('keeps the events of a run in order and replays after a sequence number', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        await store.appendRunEvents('thread-1', [
          { seq: 0, event: { event: 'node', name: 'orchestrator', duration_ms: 1 } },
          { seq: 1, event: { event: 'token', text: 'hi' } },
        ]);
        // A replayed number (a takeover re-emitting) is ignored rather than failing.
        await store.appendRunEvents('thread-1', [
          { seq: 1, event: { event: 'token', text: 'again' } },
          { seq: 2, event: { event: 'token', text: '!' } },
        ]);
        await store.appendRunEvents('thread-1', []);
        const events = await store.listRunEvents('thread-1');
        expect(events.map((entry) => entry.seq)).toEqual([0, 1, 2]);
        expect(events[1].event).toEqual({ event: 'token', text: 'hi' });
        expect((await store.listRunEvents('thread-1', 0)).map((entry) => entry.seq)).toEqual([1, 2]);
        expect(await store.listRunEvents('thread-1', 1, 1)).toHaveLength(1);
        expect(await store.listRunEvents('other')).toEqual([]);
      });

      it('refuses to pause an unknown run', async () => {
        const store = await open();
        const action = { type: 'clarification' as const, question: 'q', subtask: 's' };
        expect(await store.markRunPending('missing', SAMPLE_OWNER, action, { next: 'x', state: {} })).toBeUndefined();
      });

      it('completes and fails runs, keeping the result', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        await store.createRun(sampleRun('thread-2'));
        await store.completeRun('thread-1', SAMPLE_OWNER, sampleResult('thread-1', 'swarm'));
        await store.failRun('thread-2', SAMPLE_OWNER, null);
        const done = await store.getRun('thread-1');
        expect(done?.status).toBe('completed');
        expect(done?.result?.final_answer).toBe('42');
        expect(done?.result?.structured).toEqual({ answer: 42 });
        const failed = await store.getRun('thread-2');
        expect(failed?.status).toBe('failed');
        expect(failed?.result).toBeNull();
      });

      it('ends a run in one write: status, result, events, usage with its rollups, session turn', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        await store.createRun(sampleRun('thread-2'));
        const finish = {
          status: 'completed' as const,
          result: sampleResult('thread-1'),
          usage: sampleUsage({ thread_id: 'thread-1', cost_usd: 0.25, latency_ms: 40 }),
          session: {
            session_id: 'session-9',
            turn: { task: 'task', final_answer: '42', mode: 'single' as const, blocked: false, thread_id: 'thread-1' },
          },
          events: [
            { seq: 1, event: { type: 'node', node: 'worker' } },
            { seq: 2, event: { type: 'final', answer: '42' } },
          ],
        };
        // Not the owner: nothing at all is written.
        expect(await store.finishRun('thread-1', 'intruder', finish)).toBe(false);
        expect((await store.getRun('thread-1'))?.status).toBe('running');
        expect(await store.listRunEvents('thread-1')).toEqual([]);
        expect(await store.getSessionTurns('session-9')).toEqual([]);
        expect((await store.monitoring()).totals.runs).toBe(0);

        expect(await store.finishRun('thread-1', SAMPLE_OWNER, finish)).toBe(true);
        expect(await store.getRun('thread-1')).toMatchObject({
          status: 'completed',
          owner: null,
          lease_expires_at: null,
          checkpoint: null,
          result: { final_answer: '42', mode: 'single' },
        });
        expect((await store.listRunEvents('thread-1')).map((entry) => entry.seq)).toEqual([1, 2]);
        expect(await store.getSessionTurns('session-9')).toMatchObject([{ thread_id: 'thread-1', final_answer: '42' }]);
        // A second end (the owner is gone) writes nothing more.
        expect(await store.finishRun('thread-1', SAMPLE_OWNER, finish)).toBe(false);

        expect(
          await store.finishRun('thread-2', SAMPLE_OWNER, {
            status: 'failed',
            result: null,
            usage: sampleUsage({ thread_id: 'thread-2', mode: 'blocked', success: false, latency_ms: 0 }),
            events: [],
          }),
        ).toBe(true);
        expect(await store.getRun('thread-2')).toMatchObject({ status: 'failed', result: null });
        const monitoring = await store.monitoring();
        expect(monitoring.totals).toMatchObject({ runs: 2, total_tokens: 30 });
        expect(monitoring.totals.total_cost_usd).toBeCloseTo(0.26, 10);
        expect(Object.keys(monitoring.by_mode).sort()).toEqual(['blocked', 'single']);
        expect(monitoring.recent.map((record) => record.thread_id)).toEqual(['thread-2', 'thread-1']);
        expect(await store.tenantSpend('acme')).toBeCloseTo(0.26, 10);
      });

      it('writes nothing of a run end that fails part way', async () => {
        const store = await open();
        await store.createRun(sampleRun('thread-1'));
        const broken = { ...sampleUsage({ thread_id: 'thread-1' }), task: null } as unknown as UsageRecord;
        await expect(
          store.finishRun('thread-1', SAMPLE_OWNER, { status: 'failed', result: null, usage: broken, events: [] }),
        ).rejects.toThrow();
        expect(await store.getRun('thread-1')).toMatchObject({ status: 'running', owner: SAMPLE_OWNER });
        expect(await store.costsByTenant()).toEqual({});
        // The store stays usable: the next end goes through.
        const usage = sampleUsage({ thread_id: 'thread-1' });
        expect(
          await store.finishRun('thread-1', SAMPLE_OWNER, { status: 'failed', result: null, usage, events: [] }),
        ).toBe(true);
        expect((await store.monitoring()).totals.runs).toBe(1);
      });

      it('keeps run-path writes and concurrent transactions apart', async () => {
        const store = await open();
        const runs = 15;
        const work = Array.from({ length: runs }, async (_, index) => {
          const threadId = `thread-${index}`;
          await store.createRun(sampleRun(threadId));
          expect(await store.saveRunCheckpoint(threadId, SAMPLE_OWNER, { next: 'worker', state: { index } })).toBe(
            true,
          );
          expect(
            await store.finishRun(threadId, SAMPLE_OWNER, {
              status: 'failed',
              result: null,
              usage: sampleUsage({ thread_id: threadId, cost_usd: 0.01 }),
              events: [{ seq: 1, event: { index } }],
            }),
          ).toBe(true);
          await store.recordUsage(sampleUsage({ thread_id: `extra-${index}`, cost_usd: 0.01 }));
        });
        // Budget reservations are multi-statement transactions through the query builder.
        const reservations = Array.from({ length: runs }, (_, index) =>
          store.reserveBudget({
            id: `r${index}`,
            tenant_id: 'globex',
            thread_id: `held-${index}`,
            amount_usd: 0.1,
            ceiling_usd: 100,
            kind: 'call',
          }),
        );
        await Promise.all([...work, ...reservations]);
        expect((await store.monitoring()).totals.runs).toBe(2 * runs);
        expect(await store.tenantSpend('acme')).toBeCloseTo(0.02 * runs, 10);
        expect(await store.pendingSpend('globex')).toBeCloseTo(0.1 * runs, 10);
        expect((await store.listRunEvents('thread-3')).map((entry) => entry.event)).toEqual([{ index: 3 }]);
      });

      it('lists runs newest first, filtered by tenant and status, bounded by limit', async () => {
        const store = await open({ now: steppingClock() });
        await store.createRun(sampleRun('a1', 'acme'));
        await store.createRun(sampleRun('a2', 'acme'));
        await store.createRun(sampleRun('g1', 'globex'));
        await store.completeRun('a1', SAMPLE_OWNER, sampleResult('a1', 'swarm'));

        const all = await store.listRuns({});
        expect(all.map((run) => run.thread_id)).toEqual(['a1', 'g1', 'a2']);
        expect(all[0].mode).toBe('swarm');
        expect(all[1].mode).toBeNull();
        expect((await store.listRuns({ tenant_id: 'acme' })).map((run) => run.thread_id)).toEqual(['a1', 'a2']);
        expect((await store.listRuns({ status: 'running' })).map((run) => run.thread_id)).toEqual(['g1', 'a2']);
        expect((await store.listRuns({ tenant_id: 'acme', status: 'completed' })).map((run) => run.thread_id)).toEqual([
          'a1',
        ]);
        expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
        expect(await store.listRuns({ tenant_id: 'nobody' })).toEqual([]);
      });
    });

    describeRunQueueStore(open);

    describe('budget reservations', () => {
      const reservation = (id: string, thread: string, amount: number, ceiling = 1, kind = 'call' as const) => ({
        id,
        tenant_id: 'acme',
        thread_id: thread,
        amount_usd: amount,
        ceiling_usd: ceiling,
        kind,
      });

      it('reserves within the ceiling counting recorded spend and what in-flight runs hold', async () => {
        const store = await open();
        await store.recordUsage(sampleUsage({ thread_id: 'old', cost_usd: 0.5 }));
        expect(await store.reserveBudget(reservation('r1', 't1', 0.3))).toEqual({ reserved: true, committed_usd: 0.5 });
        expect(await store.pendingSpend('acme')).toBeCloseTo(0.3);
        // 0.5 spent + 0.3 held + 0.3 asked > 1: refused, and nothing is held for it.
        expect(await store.reserveBudget(reservation('r2', 't2', 0.3))).toEqual({
          reserved: false,
          committed_usd: 0.8,
        });
        expect(await store.pendingSpend('acme')).toBeCloseTo(0.3);
        // The call cost less than its worst case: the difference is free again.
        await store.settleBudget('r1', 0.05);
        expect(await store.pendingSpend('acme')).toBeCloseTo(0.05);
        expect(await store.threadCharges('t1')).toBeCloseTo(0.05);
        expect((await store.reserveBudget(reservation('r3', 't2', 0.3))).reserved).toBe(true);
        expect(await store.threadCharges('t2')).toBe(0);
        // Once a run's usage record exists it carries the cost; its reservations stop counting.
        await store.recordUsage(sampleUsage({ thread_id: 't1', cost_usd: 0.05 }));
        expect(await store.pendingSpend('acme')).toBeCloseTo(0.3);
        expect(await store.pendingSpend('globex')).toBe(0);
      });

      it('lets a run draw down its own admission hold, while other runs see it held', async () => {
        const store = await open();
        const admission = { ...reservation('a1', 'run-1', 0.6), kind: 'admission' as const };
        expect((await store.reserveBudget(admission)).reserved).toBe(true);
        // Another run cannot be admitted on what run-1 holds …
        expect((await store.reserveBudget({ ...admission, id: 'a2', thread_id: 'run-2' })).reserved).toBe(false);
        // … nor can its calls spend it, but run-1's own calls can.
        expect((await store.reserveBudget(reservation('c2', 'run-2', 0.5))).reserved).toBe(false);
        expect((await store.reserveBudget(reservation('c1', 'run-1', 0.5))).reserved).toBe(true);
        await store.settleBudget('c1', 0.5);
        // Its calls together still stay within the ceiling.
        expect((await store.reserveBudget(reservation('c1b', 'run-1', 0.6))).reserved).toBe(false);
        expect(await store.threadCharges('run-1')).toBeCloseTo(0.5);
        expect(await store.recentRunCosts('acme', 5)).toEqual([]);
        await store.recordUsage(sampleUsage({ thread_id: 'done-1', cost_usd: 0.25, success: true }));
        await store.recordUsage(sampleUsage({ thread_id: 'done-2', cost_usd: 9, success: false }));
        expect(await store.recentRunCosts('acme', 5)).toEqual([0.25]);
      });

      it('lets concurrent reservations together stay within the ceiling', async () => {
        const store = await open();
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, index) => store.reserveBudget(reservation(`r${index}`, `t${index}`, 0.1))),
        );
        expect(outcomes.filter((outcome) => outcome.reserved)).toHaveLength(10);
        expect(await store.pendingSpend('acme')).toBeLessThanOrEqual(1 + 1e-9);
      });
    });

    describe('side effects', () => {
      it('lets exactly one caller claim a key and keeps its output', async () => {
        const store = await open();
        expect(await store.getSideEffect('thread-1:call-1')).toBeUndefined();
        const claims = await Promise.all([
          store.claimSideEffect('thread-1:call-1', 'thread-1'),
          store.claimSideEffect('thread-1:call-1', 'thread-1'),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimSideEffect('thread-1:call-1', 'thread-1')).toBe(false);
        expect(await store.getSideEffect('thread-1:call-1')).toEqual({
          key: 'thread-1:call-1',
          thread_id: 'thread-1',
          outcome: null,
        });
        await store.recordSideEffectOutcome('thread-1:call-1', { ok: true, output: 'wrote 3 bytes' });
        expect((await store.getSideEffect('thread-1:call-1'))?.outcome).toEqual({ ok: true, output: 'wrote 3 bytes' });
        await store.claimSideEffect('thread-1:call-3', 'thread-1');
        const failure = { ok: false as const, kind: 'tool_error' as const, error: 'disk full' };
        await store.recordSideEffectOutcome('thread-1:call-3', failure);
        expect((await store.getSideEffect('thread-1:call-3'))?.outcome).toEqual(failure);
        expect(await store.claimSideEffect('thread-1:call-2', 'thread-1')).toBe(true);
      });
    });

    describe('sessions', () => {
      it('appends turns in order, bounds by limit, lists and clears sessions', async () => {
        const store = await open({ now: steppingClock() });
        const turn = (task: string) => ({
          task,
          final_answer: `answer ${task}`,
          mode: 'single' as const,
          blocked: false,
          thread_id: task,
        });
        await store.appendSessionTurn('s1', 'acme', turn('one'));
        await store.appendSessionTurn('s1', 'acme', turn('two'));
        await store.appendSessionTurn('s2', 'acme', { ...turn('other'), blocked: true });
        await store.appendSessionTurn('s1', 'acme', turn('three'));

        const turns = await store.getSessionTurns('s1');
        expect(turns.map((t) => t.task)).toEqual(['one', 'two', 'three']);
        expect(turns[0]).toMatchObject({
          final_answer: 'answer one',
          mode: 'single',
          blocked: false,
          thread_id: 'one',
        });
        expect((await store.getSessionTurns('s1', 2)).map((t) => t.task)).toEqual(['two', 'three']);
        expect((await store.getSessionTurns('s2'))[0].blocked).toBe(true);
        expect(await store.getSessionTurns('new')).toEqual([]);

        const sessions = await store.listSessions();
        expect(sessions.map((s) => [s.session_id, s.turns, s.last_task])).toEqual([
          ['s1', 3, 'three'],
          ['s2', 1, 'other'],
        ]);
        expect(sessions[0].updated_at).toBe(turns[2].created_at);
        expect(await store.listSessions(1)).toHaveLength(1);

        await store.clearSession('s1');
        expect(await store.getSessionTurns('s1')).toEqual([]);
        expect((await store.listSessions()).map((s) => s.session_id)).toEqual(['s2']);
      });

      it('reads, lists and clears within one tenant when a tenant is named', async () => {
        const store = await open({ now: steppingClock() });
        const turn = (task: string) => ({
          task,
          final_answer: task,
          mode: 'single' as const,
          blocked: false,
          thread_id: task,
        });
        await store.appendSessionTurn('shared', 'acme', turn('acme one'));
        await store.appendSessionTurn('shared', 'globex', turn('globex one'));
        await store.appendSessionTurn('mine', 'globex', turn('globex two'));

        expect((await store.getSessionTurns('shared', 50, 'acme')).map((t) => t.task)).toEqual(['acme one']);
        expect((await store.getSessionTurns('shared')).map((t) => t.task)).toEqual(['acme one', 'globex one']);
        expect(await store.getSessionTurns('mine', 50, 'acme')).toEqual([]);
        expect((await store.listSessions(50, 'acme')).map((s) => [s.session_id, s.turns, s.last_task])).toEqual([
          ['shared', 1, 'acme one'],
        ]);
        expect((await store.listSessions(50, 'globex')).map((s) => s.session_id)).toEqual(['mine', 'shared']);

        await store.clearSession('shared', 'acme');
        expect(await store.getSessionTurns('shared', 50, 'acme')).toEqual([]);
        expect((await store.getSessionTurns('shared', 50, 'globex')).map((t) => t.task)).toEqual(['globex one']);
      });
    });

    describe('workflows', () => {
      it('saves (upserts), reads, lists and deletes workflow specs', async () => {
        const store = await open({ now: steppingClock() });
        const spec = { name: 'review', nodes: [{ id: 'a', role: 'analyst' }], edges: [] };
        const saved = await store.saveWorkflow('review', spec);
        expect(saved.spec).toEqual(spec);
        await store.saveWorkflow('alpha', { name: 'alpha' });
        const updated = await store.saveWorkflow('review', { ...spec, goal: 'new' });
        expect(updated.created_at).toBe(saved.created_at);
        expect(updated.updated_at > saved.updated_at).toBe(true);
        expect((await store.getWorkflow('review'))?.spec).toEqual({ ...spec, goal: 'new' });
        expect(await store.getWorkflow('missing')).toBeUndefined();
        expect(await store.listWorkflows()).toEqual(['alpha', 'review']);
        expect(await store.deleteWorkflow('review')).toBe(true);
        expect(await store.deleteWorkflow('review')).toBe(false);
        expect(await store.listWorkflows()).toEqual(['alpha']);
      });

      it('keeps each tenant its own workflows under the same name', async () => {
        const store = await open({ now: steppingClock() });
        await store.saveWorkflow('plan', { owner: 'default' });
        await store.saveWorkflow('plan', { owner: 'acme' }, 'acme');
        await store.saveWorkflow('acme-only', { owner: 'acme' }, 'acme');
        expect((await store.getWorkflow('plan'))?.spec).toEqual({ owner: 'default' });
        expect((await store.getWorkflow('plan', 'acme'))?.spec).toEqual({ owner: 'acme' });
        expect(await store.getWorkflow('acme-only', 'globex')).toBeUndefined();
        expect(await store.listWorkflows('acme')).toEqual(['acme-only', 'plan']);
        expect(await store.listWorkflows()).toEqual(['plan']);
        expect(await store.deleteWorkflow('acme-only', 'globex')).toBe(false);
        expect(await store.deleteWorkflow('plan', 'acme')).toBe(true);
        expect((await store.getWorkflow('plan'))?.spec).toEqual({ owner: 'default' });
      });
    });

    describe('api keys', () => {
      const record = (keyId: string, overrides: Record<string, unknown> = {}) => ({
        key_id: keyId,
        tenant_id: 'acme',
        admin: false,
        name: `key ${keyId}`,
        secret_hash: `scrypt$16384$8$1$salt$${keyId}`,
        created_at: `2026-03-0${keyId.slice(-1)}T00:00:00.000Z`,
        revoked_at: null,
        ...overrides,
      });

      it('creates, reads, lists and revokes keys', async () => {
        const store = await open({ now: () => new Date('2026-03-10T00:00:00.000Z') });
        expect(await store.hasApiKeys()).toBe(false);
        await store.createApiKey(record('0000000000000001'));
        await store.createApiKey(record('0000000000000002', { admin: true, tenant_id: 'ops' }));
        expect(await store.hasApiKeys()).toBe(true);
        expect(await store.getApiKey('0000000000000002')).toEqual(
          record('0000000000000002', { admin: true, tenant_id: 'ops' }),
        );
        expect(await store.getApiKey('ffffffffffffffff')).toBeUndefined();
        expect((await store.listApiKeys()).map((key) => key.key_id)).toEqual(['0000000000000002', '0000000000000001']);
        await expect(store.createApiKey(record('0000000000000001'))).rejects.toThrow();

        expect(await store.revokeApiKey('0000000000000001')).toBe(true);
        expect(await store.revokeApiKey('0000000000000001')).toBe(false);
        expect(await store.revokeApiKey('ffffffffffffffff')).toBe(false);
        expect((await store.getApiKey('0000000000000001'))?.revoked_at).toBe('2026-03-10T00:00:00.000Z');
        // Revoked keys still count: revoking the last key never reopens a server that asks for keys.
        expect(await store.hasApiKeys()).toBe(true);
      });
    });

    describe('usage', () => {
      it('records usage and sums spend and costs per tenant', async () => {
        const store = await open();
        expect(await store.tenantSpend('acme')).toBe(0);
        await store.recordUsage(
          sampleUsage({ cost_usd: 0.25, prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 }),
        );
        await store.recordUsage(sampleUsage({ cost_usd: 0.5, blocked: true, success: false }));
        await store.recordUsage(sampleUsage({ tenant_id: 'globex', cost_usd: 2 }));
        expect(await store.tenantSpend('acme')).toBeCloseTo(0.75, 10);
        expect(await store.tenantSpend('globex')).toBeCloseTo(2, 10);
        expect(await store.tenantSpend('nobody')).toBe(0);
        expect(await store.costsByTenant()).toEqual({
          acme: { runs: 2, prompt_tokens: 13, completion_tokens: 9, total_tokens: 22, cost_usd: 0.75, blocked: 1 },
          globex: { runs: 1, prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, cost_usd: 2, blocked: 0 },
        });
      });

      it('writes a batch all or nothing', async () => {
        const store = await open();
        expect(store.recordUsageBatch).toBeTypeOf('function');
        await store.recordUsageBatch?.([sampleUsage(), sampleUsage({ tenant_id: 'globex' })]);
        expect((await store.monitoring()).totals.runs).toBe(2);
        const broken = { ...sampleUsage(), task: null } as unknown as UsageRecord;
        await expect(store.recordUsageBatch?.([sampleUsage(), broken])).rejects.toThrow();
        expect((await store.monitoring()).totals.runs).toBe(2);
      });

      it('computes monitoring aggregates', async () => {
        const store = await open({ now: () => new Date('2026-03-10T12:00:00.000Z') });
        const empty = await store.monitoring();
        expect(empty.totals).toEqual({
          runs: 0,
          blocked: 0,
          success_rate: 0,
          avg_latency_ms: 0,
          p95_latency_ms: 0,
          total_tokens: 0,
          total_cost_usd: 0,
          tool_valid_rate: 1,
        });
        expect(empty.daily).toHaveLength(14);
        expect(empty.recent).toEqual([]);

        const records = Array.from({ length: 20 }, (_, index) =>
          sampleUsage({
            thread_id: `t${index}`,
            tenant_id: index % 2 === 0 ? 'acme' : 'globex',
            mode: index < 5 ? 'swarm' : 'single',
            latency_ms: (index + 1) * 10,
            success: index % 4 !== 0,
            blocked: index === 0,
            cost_usd: 0.5,
            total_tokens: 10,
            tool_calls_total: 2,
            tool_calls_valid: index % 2 === 0 ? 2 : 1,
            created_at: `2026-03-${String(10 - (index % 3)).padStart(2, '0')}T0${index % 10}:00:00.000Z`,
          }),
        );
        for (const record of records) await store.recordUsage(record);
        await store.recordUsage(
          sampleUsage({ thread_id: 'old', latency_ms: 210, created_at: '2025-01-01T00:00:00.000Z' }),
        );

        const result = await store.monitoring({ days: 3, recent: 2 });
        expect(result.totals.runs).toBe(21);
        expect(result.totals.blocked).toBe(1);
        expect(result.totals.success_rate).toBeCloseTo(16 / 21, 10);
        expect(result.totals.avg_latency_ms).toBeCloseTo((2100 + 210) / 21, 10);
        // Latencies 10..210 step 10: index ⌊0.95·20⌋ = 19 → 200, read off a histogram within 1 %.
        expectWithinOnePercent(result.totals.p95_latency_ms, 200);
        expect(result.totals.total_tokens).toBe(215);
        expect(result.totals.total_cost_usd).toBeCloseTo(10.01, 10);
        expect(result.totals.tool_valid_rate).toBeCloseTo(31 / 42, 10);
        expect(result.by_mode.swarm).toEqual({ runs: 5, cost_usd: 2.5, avg_latency_ms: 30, success_rate: 3 / 5 });
        expect(result.by_mode.single.runs).toBe(16);
        expect(result.by_tenant.acme).toEqual({ runs: 11, cost_usd: 5.01, total_tokens: 115, blocked: 1 });
        expect(result.by_tenant.globex.runs).toBe(10);
        expect(result.daily).toEqual([
          { date: '2026-03-08', runs: 6, cost_usd: 3, tokens: 60 },
          { date: '2026-03-09', runs: 7, cost_usd: 3.5, tokens: 70 },
          { date: '2026-03-10', runs: 7, cost_usd: 3.5, tokens: 70 },
        ]);
        expect(result.recent.map((record) => record.created_at)).toEqual([
          '2026-03-10T09:00:00.000Z',
          '2026-03-10T08:00:00.000Z',
        ]);
        expect(result.recent[0]).toMatchObject({ thread_id: 't9', success: true, blocked: false, latency_ms: 100 });

        const globex = await store.monitoring({ days: 3, recent: 50, tenantId: 'globex' });
        expect(globex.totals.runs).toBe(10);
        expect(Object.keys(globex.by_tenant)).toEqual(['globex']);
        expect(globex.recent.every((record) => record.tenant_id === 'globex')).toBe(true);
        expect(globex.recent).toHaveLength(10);
        expect(globex.daily.reduce((sum, day) => sum + day.runs, 0)).toBe(10);
        // Odd indexes 1..19: latencies 20..200; index ⌊0.95·9⌋ = 8 → 180.
        expectWithinOnePercent(globex.totals.p95_latency_ms, 180);
        expect((await store.monitoring({ tenantId: 'nobody' })).totals.runs).toBe(0);
      });
    });

    describe('memory', () => {
      const lesson = (text: string, tenant = 'acme', overrides: Record<string, unknown> = {}) => ({
        tenant_id: tenant,
        text,
        tags: ['math'],
        success: true,
        task: 'compute things',
        embedding: null as number[] | null,
        ...overrides,
      });

      it('adds, lists, updates and deletes lessons, namespaced per tenant', async () => {
        const store = await open({ now: steppingClock() });
        const first = await store.addLesson(
          lesson('Use the calculator for arithmetic', 'acme', { embedding: [0.6, 0.8] }),
        );
        expect(first).toMatchObject({ tenant_id: 'acme', uses: 0, embedding: [0.6, 0.8], tags: ['math'] });
        const second = await store.addLesson(lesson('Cite sources when researching'));
        await store.addLesson(lesson('Globex prefers short answers', 'globex'));

        expect((await store.listLessons('acme')).map((l) => l.id)).toEqual([second.id, first.id]);
        expect(await store.listLessons('acme', 1)).toHaveLength(1);
        expect((await store.listLessons('globex')).map((l) => l.text)).toEqual(['Globex prefers short answers']);

        await store.updateLesson(first.id, { uses: 3, success: false, tags: ['math', 'tools'] });
        const updated = (await store.listLessons('acme')).find((l) => l.id === first.id);
        expect(updated).toMatchObject({ uses: 3, success: false, tags: ['math', 'tools'], text: first.text });
        expect(updated && updated.updated_at > first.updated_at).toBe(true);

        expect((await store.lessonsWithEmbeddings('acme', 10)).map((l) => l.id)).toEqual([first.id]);
        await store.updateLesson(first.id, { embedding: null });
        expect(await store.lessonsWithEmbeddings('acme', 10)).toEqual([]);

        await store.deleteLessons([second.id]);
        expect((await store.listLessons('acme')).map((l) => l.id)).toEqual([first.id]);
        await store.deleteLessons([]);
      });

      it('searches lesson text with BM25 within the tenant only', async () => {
        const store = await open();
        await store.addLesson(lesson('Always double-check unit conversions', 'acme', { task: 'convert miles' }));
        const best = await store.addLesson(
          lesson('Use the calculator tool for arithmetic; calculator answers are exact', 'acme'),
        );
        await store.addLesson(lesson('Use the calculator tool for arithmetic', 'globex'));

        const found = await store.searchLessonsText('acme', 'which calculator should I use?', 5);
        expect(found[0].id).toBe(best.id);
        expect(found.every((l) => l.tenant_id === 'acme')).toBe(true);
        expect(await store.searchLessonsText('initech', 'calculator', 5)).toEqual([]);
        expect((await store.searchLessonsText('acme', 'miles', 5)).map((l) => l.task)).toEqual(['convert miles']);
        expect((await store.searchLessonsText('acme', 'math', 5)).length).toBe(2);
        expect(await store.searchLessonsText('acme', 'calculator', 1)).toHaveLength(1);
      });

      it('never lets query text break the full-text syntax', async () => {
        const store = await open();
        await store.addLesson(lesson('Quote "exact" phrases carefully'));
        for (const query of [
          '"unbalanced',
          'a AND (b OR',
          'NEAR(x y)',
          'col:value*',
          '^',
          '',
          '   ',
          '-- ;DROP TABLE lessons',
        ]) {
          await expect(store.searchLessonsText('acme', query, 5)).resolves.toBeInstanceOf(Array);
        }
        expect(await store.searchLessonsText('acme', '"exact" AND (', 5)).toHaveLength(1);
        expect(await store.listLessons('acme')).toHaveLength(1);
      });

      it('keeps the full-text index in sync with updates, deletes and clears', async () => {
        const store = await open();
        const kept = await store.addLesson(lesson('Prefer the weather tool for forecasts'));
        await store.updateLesson(kept.id, { text: 'Prefer the search tool for news' });
        expect(await store.searchLessonsText('acme', 'forecasts', 5)).toEqual([]);
        expect((await store.searchLessonsText('acme', 'news', 5)).map((l) => l.id)).toEqual([kept.id]);
        await store.deleteLessons([kept.id]);
        expect(await store.searchLessonsText('acme', 'news', 5)).toEqual([]);

        await store.addLesson(lesson('Acme lesson about invoices'));
        await store.addLesson(lesson('Another acme lesson about invoices'));
        await store.addLesson(lesson('Globex lesson about invoices', 'globex'));
        expect(await store.clearLessons('acme')).toBe(2);
        expect(await store.clearLessons('acme')).toBe(0);
        expect(await store.searchLessonsText('acme', 'invoices', 5)).toEqual([]);
        expect(await store.searchLessonsText('globex', 'invoices', 5)).toHaveLength(1);
      });

      it('writes remember’s lesson and episode together, batches lessons, and counts uses in one go', async () => {
        const store = await open({ now: steppingClock() });
        const episode = {
          tenant_id: 'acme',
          thread_id: 'thread-1',
          task: 'compute',
          final_answer: '42',
          success: false,
        };
        const added = await store.rememberLesson({
          add: lesson('Use the calculator', 'acme', { success: false }),
          episode,
        });
        expect(added).toMatchObject({ tenant_id: 'acme', uses: 0, success: false, tags: ['math'] });
        const merged = await store.rememberLesson({
          merge: added,
          patch: { success: true, tags: ['math', 'tools'] },
          episode: { ...episode, thread_id: 'thread-2', success: true },
        });
        expect(merged).toMatchObject({ id: added.id, success: true, tags: ['math', 'tools'] });
        expect(merged.updated_at > added.updated_at).toBe(true);
        expect((await store.listLessons('acme'))[0]).toMatchObject({
          id: added.id,
          success: true,
          tags: ['math', 'tools'],
        });
        expect((await store.searchLessonsText('acme', 'tools', 5)).map((l) => l.id)).toEqual([added.id]);
        expect((await store.listEpisodes('acme')).map((e) => [e.thread_id, e.lesson_id])).toEqual([
          ['thread-2', added.id],
          ['thread-1', added.id],
        ]);

        const batch = await store.addLessons([
          { lesson: lesson('Cite sources when researching') },
          { lesson: lesson('Globex prefers short answers', 'globex') },
        ]);
        expect(batch.map((l) => l.tenant_id)).toEqual(['acme', 'globex']);
        expect(await store.addLessons([])).toEqual([]);
        await store.markLessonsUsed([added.id, batch[0].id, added.id]);
        await store.markLessonsUsed([]);
        const uses = Object.fromEntries((await store.listLessons('acme')).map((l) => [l.id, l.uses]));
        expect(uses).toEqual({ [added.id]: 1, [batch[0].id]: 1 });

        const candidates = await store.lessonCandidates('acme', {
          query: 'cite sources',
          textLimit: 5,
          vector: [1, 0],
          vectorLimit: 5,
        });
        expect(candidates.text.map((l) => l.id)).toEqual([batch[0].id]);
        // A vector the index cannot hold (or a backend without one) gives no nearest list.
        expect(candidates.nearest).toBeNull();
      });

      it('stores episodes per tenant and unlinks them when their lesson goes', async () => {
        const store = await open({ now: steppingClock() });
        const learnt = await store.addLesson(lesson('Break big tasks into steps'));
        const first = await store.addEpisode({
          tenant_id: 'acme',
          thread_id: 'thread-1',
          task: 'plan a trip',
          final_answer: 'done',
          success: true,
          lesson_id: learnt.id,
        });
        const second = await store.addEpisode({ ...first, thread_id: 'thread-2', success: false, lesson_id: null });
        await store.addEpisode({ ...first, tenant_id: 'globex', lesson_id: null });
        expect((await store.listEpisodes('acme')).map((e) => e.id)).toEqual([second.id, first.id]);
        expect(await store.listEpisodes('acme', 1)).toHaveLength(1);
        expect((await store.listEpisodes('acme'))[1]).toMatchObject({ success: true, lesson_id: learnt.id });
        const other = await store.addLesson(lesson('Split big tasks into steps'));
        expect(await store.reassignEpisodes?.([learnt.id], other.id)).toBe(1);
        expect(await store.reassignEpisodes?.([], other.id)).toBe(0);
        expect((await store.listEpisodes('acme'))[1].lesson_id).toBe(other.id);
        await store.deleteLessons([other.id]);
        expect((await store.listEpisodes('acme'))[1].lesson_id).toBeNull();
        expect(await store.listEpisodes('globex')).toHaveLength(1);
      });
    });
  });
}
