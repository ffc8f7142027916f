// The SSE routes that start a run from their query, on both backends (SQLite file; PostgreSQL in a
// throwaway schema): every frame but answer tokens carries `id: <thread_id>:<seq>`, and a reconnect
// with Last-Event-ID replays the stored run after that event — across a real dropped connection —
// instead of starting the run (and its side effects) a second time.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { openRunQueue } from '../queue/open-run-queue.js';
import type { RiptideOverrides } from '../riptide.js';
import { createPostgresStore } from '../store/postgres-store.js';
import { POSTGRES_TEST_URL, postgresReachable } from '../store/test-support/postgres-test-server.js';
import { throwawayPostgresSchemas } from '../store/test-support/throwaway-postgres-schemas.js';
import { MockLanguageModel, type ScriptedReply } from '../testing/mock-language-model.js';
import { openTestServer, type TestServer } from './test-support/open-test-server.js';
import { parseSseFramesWithIds, type SseFrameWithId } from './test-support/parse-sse-frames.js';
import { readThenDisconnect, readToEnd, waitUntil } from './test-support/sse-socket.js';

type Frame = SseFrameWithId;
const parseFrames = parseSseFramesWithIds;

/** The thread and sequence numbers of the frames that carry ids (and that they all name one thread). */
function idsOf(frames: Frame[]): { threadId: string; seqs: number[] } {
  const ids = frames.flatMap((frame) => (frame.id === null ? [] : [frame.id]));
  const threads = new Set(ids.map((id) => id.slice(0, id.lastIndexOf(':'))));
  expect(threads.size).toBe(1);
  return { threadId: [...threads][0], seqs: ids.map((id) => Number(id.slice(id.lastIndexOf(':') + 1))) };
}

const postgresAvailable = await postgresReachable();
const freshSchema = throwawayPostgresSchemas('riptide_events_sse');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(backend: 'sqlite' | 'postgres', languageModel?: MockLanguageModel): Promise<TestServer> {
  const overrides: RiptideOverrides = languageModel ? { languageModel } : {};
  const env: Record<string, string> = {};
  if (backend === 'postgres') {
    const schema = freshSchema();
    env.RIPTIDE_DATABASE_URL = POSTGRES_TEST_URL;
    const store = await createPostgresStore({ url: POSTGRES_TEST_URL, schema, maxConnections: 4 });
    cleanups.push(() => store.close());
    overrides.store = store;
    overrides.runQueue = await openRunQueue(loadConfig({ ...env, RIPTIDE_LOG_LEVEL: 'silent' }), { schema });
  }
  const server = await openTestServer(env, {}, overrides);
  cleanups.push(() => server.close());
  return server;
}

/** A reply that never comes: the call waits until its abort signal fires (then it rejects). */
const hangUntilAborted: ScriptedReply = (call) =>
  new Promise<ScriptedReply>((_, reject) => {
    const signal = call.options.abortSignal;
    if (signal?.aborted) reject(signal.reason);
    else signal?.addEventListener('abort', () => reject(signal.reason));
  });

const plain = 'memory=false&guardrails=false&offline=true';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !postgresAvailable },
])('resumable run streams on $backend', ({ backend, skip }) => {
  it.skipIf(skip)(
    '/run/stream: ids on every frame but tokens; Last-Event-ID replays the rest without a new run',
    async () => {
      const server = await open(backend);
      const live = await server.app.inject(`/run/stream?task=${encodeURIComponent('compute 21 * 2')}&${plain}`);
      expect(live.statusCode).toBe(200);
      const frames = parseFrames(live.body);
      expect(frames[0].data.event).toBe('composition');
      expect(frames.at(-1)?.data.event).toBe('final');
      for (const frame of frames) expect(frame.id === null).toBe(frame.data.event === 'token');
      const { threadId, seqs } = idsOf(frames);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(seqs.length);
      // The composition's id is the stored event's number.
      const stored = await server.riptide.store.listRunEvents(threadId);
      expect(stored[seqs[0]].event).toMatchObject({ event: 'composition' });
      const runsBefore = await server.riptide.store.listRuns({ limit: 100 });

      const replay = await server.app.inject({
        url: `/run/stream?task=${encodeURIComponent('compute 21 * 2')}&${plain}`,
        headers: { 'last-event-id': frames[0].id ?? '' },
      });
      expect(replay.statusCode).toBe(200);
      const replayed = parseFrames(replay.body);
      // Tokens are not stored: the final frame carries the whole answer.
      expect(replayed).toEqual([frames.at(-1)]);
      expect((replayed[0].data.answer as string).includes('42')).toBe(true);
      expect(await server.riptide.store.listRuns({ limit: 100 })).toEqual(runsBefore);
    },
  );

  it.skipIf(skip)('/api/run/trace: a reconnect after any node gets exactly the frames after it', async () => {
    const server = await open(backend);
    const live = parseFrames(
      (await server.app.inject(`/api/run/trace?task=${encodeURIComponent('compute 2 + 3')}&${plain}`)).body,
    );
    expect(live.filter((frame) => frame.data.event === 'node').length).toBeGreaterThanOrEqual(2);
    for (let index = 0; index < live.length; index += 1) {
      const replay = await server.app.inject({
        url: '/api/run/trace?task=ignored',
        headers: { 'last-event-id': live[index].id ?? '' },
      });
      expect(parseFrames(replay.body)).toEqual(
        live.slice(index + 1).length > 0 ? live.slice(index + 1) : [live.at(-1)],
      );
    }
  });

  it.skipIf(skip)(
    'a dropped connection aborts the run; the reconnect gets its stored events and outcome, not a second run',
    async () => {
      const model = new MockLanguageModel({ byPurpose: { finalize: hangUntilAborted }, fallback: 'a worker answer' });
      const server = await open(backend, model);
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (server.app.server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/api/run/trace?task=${encodeURIComponent('explain tides')}&${plain}&single=true`;
      const before = await readThenDisconnect(url, (frames) => frames.some((frame) => frame.data.event === 'node'));
      const { threadId } = idsOf(before);
      await waitUntil(
        'the aborted run to be stored',
        async () => (await server.riptide.store.getRun(threadId))?.status === 'failed',
      );
      const callsBefore = model.calls.length;

      const lastSeen = before.at(-1)?.id ?? '';
      const after = (await readToEnd(url, { 'last-event-id': lastSeen })).frames;
      const stored = await server.riptide.store.listRunEvents(threadId);
      // Every stored event after the last one seen, in order, then the run's (failed) result.
      const expectedNodes = stored.filter(
        (record) => record.seq > Number(lastSeen.split(':')[1]) && (record.event as { event: string }).event === 'node',
      );
      expect(after.slice(0, -1).map((frame) => frame.id)).toEqual(
        expectedNodes.map((record) => `${threadId}:${record.seq}`),
      );
      expect(after.at(-1)?.data).toMatchObject({ event: 'result', result: { status: 'failed', thread_id: threadId } });
      expect(model.calls.length).toBe(callsBefore);
      expect((await server.riptide.store.listRuns({ limit: 100 })).map((run) => run.thread_id)).toEqual([threadId]);
    },
  );

  it.skipIf(skip)('a session turn is appended once, however often its stream reconnects', async () => {
    const server = await open(backend);
    const sessionId = `s-${randomUUID()}`;
    const url = `/api/sessions/${sessionId}/messages/stream?task=${encodeURIComponent('compute 6 * 7')}&${plain}`;
    const live = parseFrames((await server.app.inject(url)).body);
    expect(live.at(-1)?.data.event).toBe('result');
    for (const frame of live) {
      const replay = await server.app.inject({ url, headers: { 'last-event-id': frame.id ?? '' } });
      expect(parseFrames(replay.body).at(-1)).toEqual(live.at(-1));
    }
    const session = (await server.app.inject(`/sessions/${sessionId}`)).json() as { turns: unknown[] };
    expect(session.turns).toHaveLength(1);
  });
});

describe('Last-Event-ID on the run routes', () => {
  it('is 422 when it is not an id of this kind of stream, and 404 when it names no run', async () => {
    const server = await open('sqlite');
    for (const url of ['/run/stream?task=x', '/api/run/trace?task=x', '/api/sessions/s1/messages/stream?task=x']) {
      const bad = await server.app.inject({ url, headers: { 'last-event-id': '12' } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ code: 'validation_error' });
      const unknown = await server.app.inject({ url, headers: { 'last-event-id': 'no-such-thread:3' } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'unknown_run' });
    }
    const workflow = await server.app.inject({
      url: '/api/workflows/run/stream?name=none',
      headers: { 'last-event-id': 'no-such-thread:0' },
    });
    expect(workflow.statusCode).toBe(404);
  });
});
