// Queue semantics of background runs on both backends — the embedded SQLite default (in-process
// queue) and PostgreSQL (pg-boss, LISTEN/NOTIFY; a throwaway schema per run of this file, dropped
// after): a dead worker's lease expires and another worker continues its run from the last
// checkpoint without repeating a side effect; a cancel aborts the model call in flight and no side
// effect follows; a run cancelled before it starts never runs; two tenants are interleaved; a joined
// stream resumes after Last-Event-ID across processes; webhooks are signed and retried.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { ClosableRunService } from '../core/create-run-service.js';
import { countingWriter } from '../core/test-support/counting-writer.js';
import { createRiptide } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';
import { createPostgresStore } from '../store/postgres-store.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { POSTGRES_TEST_URL, postgresReachable } from '../store/test-support/postgres-test-server.js';
import { throwawayPostgresSchemas } from '../store/test-support/throwaway-postgres-schemas.js';
import { MockLanguageModel, type ScriptedReply } from '../testing/mock-language-model.js';
import { openRunQueue } from './open-run-queue.js';
import type { JoinFrame } from './run-stream-join.js';

const POSTGRES_URL = POSTGRES_TEST_URL;
const SAVE_TASK = 'save a note about water';
const PLAN = JSON.stringify({ subtasks: [{ subtask: SAVE_TASK, depends_on: [] }] });
const plain = { memory: false, guardrails: false } as const;
const SECRET = 'a-webhook-secret-for-tests';
const PLAN_ANSWER = JSON.stringify({ subtasks: [{ subtask: 'answer it', depends_on: [] }] });
const HOUR_MS = 3_600_000;

const postgresAvailable = await postgresReachable();
const freshSchema = throwawayPostgresSchemas('riptide_queue_test');

const writeMemo: ScriptedReply = { toolCalls: [{ id: 'call-1', name: 'write_memo', arguments: { topic: 'water' } }] };

/** A reply that never comes: the call waits until its abort signal fires (then it rejects). */
function hangUntilAborted(onAbort: () => void = () => undefined): ScriptedReply {
  return (call) =>
    new Promise<ScriptedReply>((_, reject) => {
      const signal = call.options.abortSignal;
      const abort = () => {
        onAbort();
        reject(signal?.reason ?? new Error('aborted'));
      };
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort);
    });
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function collect(frames: AsyncIterable<JoinFrame>, stopAfter = Number.POSITIVE_INFINITY): Promise<JoinFrame[]> {
  const seen: JoinFrame[] = [];
  for await (const frame of frames) {
    seen.push(frame);
    if (seen.length >= stopAfter) break;
  }
  return seen;
}

interface Backend {
  name: 'sqlite' | 'postgres';
  /** The PostgreSQL schema of the store (pg-boss's is `<schema>_queue`). */
  schema: string;
  /** One shared database; each call opens another "process" on it. */
  open(options: {
    model: MockLanguageModel;
    executions?: string[];
    owner: string;
    env?: Record<string, string>;
    /** How far apart the worker's checkpoints may be (default: the run service's). */
    checkpointIntervalMs?: number;
  }): Promise<Riptide>;
}

function backend(name: Backend['name']): () => Backend {
  return () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-queue-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    // The in-process queue ignores the schema.
    const schema = name === 'postgres' ? freshSchema() : 'unused';
    return {
      name,
      schema,
      async open({ model, executions = [], owner, env = {}, checkpointIntervalMs }) {
        const config = loadConfig({
          RIPTIDE_DATA_DIR: dataDir,
          RIPTIDE_LOG_LEVEL: 'silent',
          ...(name === 'postgres' ? { RIPTIDE_DATABASE_URL: POSTGRES_URL } : {}),
          ...env,
        });
        const store: Store =
          name === 'postgres'
            ? await createPostgresStore({ url: POSTGRES_URL, schema, maxConnections: 4 })
            : await createSqliteStore({ file: path.join(dataDir, 'riptide.db') });
        const runQueue = await openRunQueue(config, { schema });
        const riptide = await createRiptide(config, {
          store,
          runQueue,
          languageModel: model,
          extraTools: [countingWriter(executions)],
          runService: { owner, leaseMs: 1_000, checkpointIntervalMs },
        });
        cleanups.push(async () => {
          await riptide.close();
          await store.close();
        });
        return riptide;
      },
    };
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const backends = [
  { name: 'sqlite' as const, make: backend('sqlite'), skip: false },
  { name: 'postgres' as const, make: backend('postgres'), skip: !postgresAvailable },
];

describe.each(backends)('background runs on $name', ({ make, skip, name }) => {
  it.skipIf(skip)(
    'a dead worker’s lease expires; another worker continues from the last checkpoint and the side effect ran once',
    async () => {
      const db = make();
      const executions: string[] = [];
      // The first worker runs the plan and the side effect, then its process "dies" while finalize
      // waits on the model: its lease renewals stop and it never writes again.
      const dying = new MockLanguageModel({
        byPurpose: { plan: PLAN, worker: writeMemo, finalize: hangUntilAborted() },
      });
      // No checkpoint falls due by time: the one before finalize is there because the worker acted.
      const first = await db.open({ model: dying, executions, owner: 'first', checkpointIntervalMs: HOUR_MS });
      const { thread_id: threadId } = await first.background.submit({ options: { task: SAVE_TASK, ...plain } });
      first.background.startWorker({ concurrency: 2, recover: false });
      await waitFor('the first worker to reach finalize', () => dying.callsFor('finalize').length > 0);
      expect(executions).toEqual(['water']);
      // Dead: no lease renewals, no more jobs taken.
      await (first.runs as ClosableRunService).close();
      await first.background.queue.close();

      const survivorModel = new MockLanguageModel({
        byPurpose: { plan: PLAN, worker: writeMemo, finalize: 'Saved the memo about water.' },
      });
      const survivor = await db.open({ model: survivorModel, executions, owner: 'survivor' });
      const survivorWorker = survivor.background.startWorker({ concurrency: 2 });
      const finished = await waitFor('the survivor to finish the run', async () => {
        const record = await survivor.store.getRun(threadId);
        return record?.status === 'completed' ? record : undefined;
      });
      expect(finished.result?.final_answer).toBe('Saved the memo about water.');
      expect(finished.attempt).toBeGreaterThanOrEqual(2);
      // Continued from the checkpoint before finalize: neither the plan nor the worker ran again.
      expect(survivorModel.callsFor('plan')).toHaveLength(0);
      expect(survivorModel.callsFor('worker')).toHaveLength(0);
      expect(executions).toEqual(['water']);
      // Its events are one gap-free sequence across both workers.
      const frames = await collect(survivor.background.join(threadId, -1, new AbortController().signal));
      expect(frames.map((frame) => Number(frame.id))).toEqual(frames.map((_, index) => index));
      expect(frames.at(-1)?.data.event).toBe('result');
      await survivorWorker.drain(5_000);
    },
  );

  it.skipIf(skip)(
    'a takeover repeats only the pure work since the last checkpoint, and the stream stays one sequence',
    async () => {
      const db = make();
      const outcomes: Record<string, { plans: number; frames: JoinFrame[] }> = {};
      // Checkpoints before every node, then one per hour: the run dies at finalize either way.
      for (const [label, checkpointIntervalMs] of [
        ['every node', 0],
        ['hourly', HOUR_MS],
      ] as const) {
        const dying = new MockLanguageModel({
          byPurpose: { plan: PLAN_ANSWER, worker: 'water is wet', finalize: hangUntilAborted() },
        });
        const first = await db.open({ model: dying, owner: `first-${label}`, checkpointIntervalMs });
        const { thread_id: threadId } = await first.background.submit({ options: { task: 'answer it', ...plain } });
        first.background.startWorker({ concurrency: 1, recover: false });
        await waitFor('the first worker to reach finalize', () => dying.callsFor('finalize').length > 0);
        await (first.runs as ClosableRunService).close();
        await first.background.queue.close();

        const model = new MockLanguageModel({
          byPurpose: { plan: PLAN_ANSWER, worker: 'water is wet', finalize: 'Water is wet.' },
        });
        const survivor = await db.open({ model, owner: `survivor-${label}` });
        const worker = survivor.background.startWorker({ concurrency: 1 });
        const frames = await collect(survivor.background.join(threadId, -1, new AbortController().signal));
        await worker.drain(5_000);
        outcomes[label] = { plans: model.callsFor('plan').length, frames };
      }
      expect(outcomes['every node'].plans).toBe(0);
      // Nothing was checkpointed before the process died: the survivor ran the run again from its start.
      expect(outcomes.hourly.plans).toBe(1);
      for (const { frames } of Object.values(outcomes)) {
        expect(frames.map((frame) => Number(frame.id))).toEqual(frames.map((_, index) => index));
        const last = frames.at(-1)?.data as { event: string; result?: { final_answer?: string } };
        expect(last.result?.final_answer).toBe('Water is wet.');
      }
    },
  );

  it.skipIf(skip)(
    'a stalled worker whose run was taken over stops at its next checkpoint and runs nothing more',
    async () => {
      const db = make();
      const executions: string[] = [];
      let releasePlan: (reply: ScriptedReply) => void = () => undefined;
      const stalled = new MockLanguageModel({
        byPurpose: {
          plan: () => new Promise<ScriptedReply>((resolve) => (releasePlan = resolve)),
          worker: writeMemo,
          finalize: 'done',
        },
      });
      const first = await db.open({ model: stalled, executions, owner: 'stalled', checkpointIntervalMs: 0 });
      const { thread_id: threadId } = await first.background.submit({ options: { task: SAVE_TASK, ...plain } });
      const worker = first.background.startWorker({ concurrency: 1, recover: false });
      await waitFor('the stalled worker to wait on the plan', () => stalled.callsFor('plan').length > 0);
      // Another process claims the run as if the stalled worker's lease had lapsed.
      const future = new Date(Date.now() + HOUR_MS).toISOString();
      const taken = await first.store.claimExpiredRuns('another-worker', future, future, 10);
      expect(taken.map((run) => run.thread_id)).toEqual([threadId]);

      releasePlan(PLAN);
      await worker.drain(5_000);
      expect(stalled.callsFor('worker')).toHaveLength(0);
      expect(executions).toEqual([]);
      const record = await first.store.getRun(threadId);
      expect(record?.owner).toBe('another-worker');
      expect(record?.status).toBe('running');
    },
  );

  it.skipIf(skip)('a cancel during a model call aborts it, and no side effect starts after', async () => {
    const db = make();
    const executions: string[] = [];
    let aborted = false;
    const model = new MockLanguageModel({
      byPurpose: { plan: PLAN, worker: hangUntilAborted(() => (aborted = true)), finalize: 'done' },
    });
    const riptide = await db.open({ model, executions, owner: 'worker' });
    const worker = riptide.background.startWorker({ concurrency: 2 });
    const { thread_id: threadId } = await riptide.background.submit({ options: { task: SAVE_TASK, ...plain } });
    await waitFor('the model call in flight', () => model.callsFor('worker').length > 0);
    expect(await riptide.background.cancel(threadId)).toEqual({ status: 'cancelled' });
    await waitFor('the model call to be aborted', () => aborted);
    await worker.drain(5_000);
    const record = await riptide.store.getRun(threadId);
    expect(record).toMatchObject({ status: 'cancelled', owner: null, result: null });
    expect(executions).toEqual([]);
    expect(await riptide.runs.getRun(threadId)).toEqual({ status: 'cancelled', thread_id: threadId });
    await expect(riptide.background.cancel(threadId)).rejects.toMatchObject({ code: 'run_finished' });
    // The store itself refuses a side effect for the cancelled run, whatever a late process tries.
    expect(await riptide.store.claimSideEffect(`${threadId}:0:call-1`, threadId)).toBe(false);
  });

  it.skipIf(skip)(
    'a run whose process died between storing it and queueing it is swept back onto the queue',
    async () => {
      const db = make();
      const dyingQueue = await db.open({ model: new MockLanguageModel({ fallback: 'unused' }), owner: 'api' });
      // The seam: this process stores the run, then "dies" inside the queue send (it never returns).
      dyingQueue.background.queue.enqueue = () => new Promise<void>(() => undefined);
      void dyingQueue.background.submit({ options: { task: 'an orphaned task', ...plain } });
      const orphan = await waitFor('the run to be stored', async () => {
        const [run] = await dyingQueue.store.listRuns({ status: 'queued', limit: 10 });
        return run;
      });
      const model = new MockLanguageModel({ fallback: 'the orphan ran' });
      const workerProcess = await db.open({ model, owner: 'worker' });
      const worker = workerProcess.background.startWorker({ concurrency: 1, orphanGraceMs: 0 });
      const finished = await waitFor('the orphan to complete', async () => {
        const record = await workerProcess.store.getRun(orphan.thread_id);
        return record?.status === 'completed' ? record : undefined;
      });
      expect(finished.result?.final_answer).toBe('the orphan ran');
      await worker.drain(5_000);
      // Sweeping again finds nothing queued; the run ran exactly once.
      expect(await workerProcess.store.listStaleQueuedRuns(new Date().toISOString(), 10)).toEqual([]);
      expect(finished.attempt).toBe(1);
    },
  );

  it.skipIf(skip || name !== 'postgres')('pg-boss starts on the first submit, not for a one-shot run', async () => {
    const db = make();
    const riptide = await db.open({ model: new MockLanguageModel({ fallback: 'an answer' }), owner: 'cli' });
    const queueSchemaExists = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [
          `${db.schema}_queue`,
        ]);
        return (found.rowCount ?? 0) > 0;
      } finally {
        await client.end();
      }
    };
    const result = await riptide.runs.runTask({ task: 'a one-shot task', ...plain });
    expect(result.status).toBe('completed');
    expect(await queueSchemaExists()).toBe(false);
    await riptide.background.submit({ options: { task: 'a background task', ...plain } });
    expect(await queueSchemaExists()).toBe(true);
  });

  it.skipIf(skip)(
    'a run submitted beside a free worker slot runs without the queue; a busy worker queues it',
    async () => {
      const db = make();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const model = new MockLanguageModel({
        byPurpose: {
          plan: (call) =>
            JSON.stringify({ subtasks: [{ subtask: call.prompt.includes('hold') ? 'hold' : 'go', depends_on: [] }] }),
          worker: async (call) => {
            if (call.prompt.includes('hold')) await held;
            return 'done';
          },
          finalize: 'done',
        },
      });
      const riptide = await db.open({ model, owner: 'worker' });
      const enqueued: string[] = [];
      const enqueue = riptide.background.queue.enqueue.bind(riptide.background.queue);
      riptide.background.queue.enqueue = (job) => {
        enqueued.push(job.thread_id);
        return enqueue(job);
      };
      const worker = riptide.background.startWorker({ concurrency: 1, recover: false });
      const { thread_id: first } = await riptide.background.submit({ options: { task: 'hold on', ...plain } });
      await waitFor('the first run to hold its slot', () => model.callsFor('worker').length > 0);
      const { thread_id: second } = await riptide.background.submit({ options: { task: 'go on', ...plain } });
      expect(enqueued).toEqual([second]);
      release();
      for (const threadId of [first, second]) {
        await waitFor(`run ${threadId}`, async () => (await riptide.store.getRun(threadId))?.status === 'completed');
      }
      await worker.drain(5_000);
    },
  );

  it.skipIf(skip)('the queue holds one waiting job per run, however often it is enqueued', async () => {
    const db = make();
    const model = new MockLanguageModel({ fallback: 'an answer' });
    const riptide = await db.open({ model, owner: 'worker' });
    const { thread_id: threadId } = await riptide.background.submit({ options: { task: 'queued twice', ...plain } });
    const job = { thread_id: threadId, tenant_id: 'default', priority: 0 };
    await riptide.background.queue.enqueue(job);
    await riptide.background.queue.enqueue(job);
    let handled = 0;
    const consumer = riptide.background.queue.consume(
      async () => {
        handled += 1;
      },
      { concurrency: 4 },
    );
    await waitFor('the job to be handled', () => handled > 0);
    await consumer.stop();
    expect(handled).toBe(1);
  });

  it.skipIf(skip)('a run cancelled before any worker takes it never runs', async () => {
    const db = make();
    const model = new MockLanguageModel({ fallback: 'an answer' });
    const riptide = await db.open({ model, owner: 'worker' });
    const { thread_id: cancelled } = await riptide.background.submit({ options: { task: 'first task', ...plain } });
    await riptide.background.cancel(cancelled);
    const { thread_id: later } = await riptide.background.submit({ options: { task: 'second task', ...plain } });
    const worker = riptide.background.startWorker({ concurrency: 1 });
    await waitFor('the later run', async () => (await riptide.store.getRun(later))?.status === 'completed');
    await worker.drain(5_000);
    expect((await riptide.store.getRun(cancelled))?.status).toBe('cancelled');
    expect(model.calls.some((call) => call.prompt.includes('first task'))).toBe(false);
  });

  it.skipIf(skip)('one tenant’s burst does not starve another tenant', async () => {
    const db = make();
    const model = new MockLanguageModel({ fallback: 'an answer' });
    const riptide = await db.open({ model, owner: 'worker' });
    for (let index = 0; index < 8; index += 1) {
      await riptide.background.submit({ options: { task: `burst task a${index}`, tenant_id: 'bursty', ...plain } });
    }
    const quiet: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const { thread_id } = await riptide.background.submit({
        options: { task: `quiet task b${index}`, tenant_id: 'quiet', ...plain },
      });
      quiet.push(thread_id);
    }
    const worker = riptide.background.startWorker({ concurrency: 1 });
    const all = await waitFor('every run', async () => {
      const runs = await riptide.store.listRuns({ limit: 100 });
      return runs.length === 10 && runs.every((run) => run.status === 'completed') ? runs : undefined;
    });
    await worker.drain(5_000);
    expect(all).toHaveLength(10);
    // The order the runs reached the model: the quiet tenant's two are interleaved with the burst,
    // not queued behind its eight.
    const order: string[] = [];
    for (const call of model.calls) {
      const task = /(burst task a\d|quiet task b\d)/.exec(call.prompt)?.[1];
      if (task && !order.includes(task)) order.push(task);
    }
    expect(order).toHaveLength(10);
    expect(order.indexOf('quiet task b0')).toBeLessThan(3);
    expect(order.indexOf('quiet task b1')).toBeLessThan(5);
  });

  it.skipIf(skip)(
    'a stream joined from another process resumes after Last-Event-ID with every event once, in order',
    async () => {
      const db = make();
      const api = await db.open({ model: new MockLanguageModel({ fallback: 'unused' }), owner: 'api' });
      const model = new MockLanguageModel({
        latencyMs: 60,
        byPurpose: {
          plan: JSON.stringify({
            subtasks: [
              { subtask: 'first part', depends_on: [] },
              { subtask: 'second part', depends_on: [] },
              { subtask: 'third part', depends_on: [] },
            ],
          }),
          worker: 'a part done',
          finalize: 'all parts done',
        },
      });
      const workerProcess = await db.open({ model, owner: 'worker' });
      const { thread_id: threadId } = await api.background.submit({
        options: { task: 'do three parts', single: true, ...plain },
      });
      const worker = workerProcess.background.startWorker({ concurrency: 1 });
      // Join from the API process while the worker process runs it; disconnect after two events.
      const disconnect = new AbortController();
      const before = await collect(api.background.join(threadId, -1, disconnect.signal), 2);
      disconnect.abort();
      expect(before.map((frame) => frame.id)).toEqual(['0', '1']);
      const after = await collect(api.background.join(threadId, Number(before[1].id), new AbortController().signal));
      expect(after.at(-1)?.data.event).toBe('result');
      const full = await collect(api.background.join(threadId, -1, new AbortController().signal));
      expect([...before, ...after]).toEqual(full);
      expect(full.map((frame) => Number(frame.id))).toEqual(full.map((_, index) => index));
      expect(full.filter((frame) => frame.data.event === 'node').length).toBeGreaterThanOrEqual(3);
      if (name === 'postgres') expect(api.background.queue.engine).toBe('pg-boss');
      await worker.drain(5_000);
    },
  );
});

describe('webhooks', () => {
  it('signs each delivery with HMAC-SHA256 and retries with backoff until the receiver accepts', async () => {
    const deliveries: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body });
        // The first two attempts fail: a receiver that is down, then one that errors.
        response.statusCode = deliveries.length <= 2 ? 503 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
    const port = (receiver.address() as AddressInfo).port;

    const db = backend('sqlite')();
    const riptide = await db.open({
      model: new MockLanguageModel({ fallback: 'the answer' }),
      owner: 'worker',
      env: { RIPTIDE_WEBHOOK_SECRET: SECRET, RIPTIDE_WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${port}` },
    });
    const worker = riptide.background.startWorker({ concurrency: 1 });
    const { thread_id: threadId } = await riptide.background.submit({
      options: { task: 'answer a question', ...plain },
      webhook: `http://127.0.0.1:${port}/hooks/riptide`,
    });
    await waitFor('three delivery attempts', () => deliveries.length >= 3);
    await worker.drain(10_000);
    expect(deliveries).toHaveLength(3);
    for (const delivery of deliveries) {
      const signature = String(delivery.headers['x-riptide-signature']);
      const [, timestamp, digest] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
      const expected = createHmac('sha256', SECRET).update(`${timestamp}.${delivery.body}`).digest('hex');
      expect(digest).toBe(expected);
      expect(delivery.headers['x-riptide-event']).toBe('run.completed');
      expect(delivery.headers['x-riptide-delivery']).toBe(deliveries[0].headers['x-riptide-delivery']);
    }
    const payload = JSON.parse(deliveries[2].body) as { event: string; thread_id: string; result: { status: string } };
    expect(payload).toMatchObject({ event: 'run.completed', thread_id: threadId, status: 'completed' });
    expect(payload.result.status).toBe('completed');
  });
});
