// Background runs through the HTTP API on the embedded SQLite default (in-process queue): queue,
// follow, join the stream (and replay it after Last-Event-ID), cancel, and page through the run list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunWorker } from '../../queue/background-runs.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';
import { parseSseFramesWithIds } from '../test-support/parse-sse-frames.js';

const parseFramesWithIds = parseSseFramesWithIds;

async function waitForStatus(server: TestServer, threadId: string, statuses: string[]): Promise<{ status: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await server.app.inject(`/api/runs/${threadId}`);
    const body = response.json() as { status: string };
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`run ${threadId} is still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('background run routes (SQLite, in-process queue)', () => {
  let server: TestServer;
  let worker: RunWorker | null = null;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await worker?.drain(1_000);
    await server.close();
  });

  it('POST /api/runs answers 202 queued; a cancel before any worker starts leaves it cancelled and never run', async () => {
    const queued = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { task: 'compute 2 + 2', memory: false },
    });
    expect(queued.statusCode).toBe(202);
    const { thread_id: threadId, status } = queued.json() as { thread_id: string; status: string };
    expect(status).toBe('queued');
    expect((await server.app.inject(`/api/runs/${threadId}`)).json()).toEqual({
      status: 'queued',
      thread_id: threadId,
    });
    const listed = await server.app.inject('/api/runs?status=queued');
    expect((listed.json() as { thread_id: string }[]).map((run) => run.thread_id)).toContain(threadId);

    const cancelled = await server.app.inject({ method: 'POST', url: `/api/runs/${threadId}/cancel` });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toEqual({ status: 'cancelled' });
    const again = await server.app.inject({ method: 'POST', url: `/api/runs/${threadId}/cancel` });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'run_finished' });

    worker = server.riptide.background.startWorker({ concurrency: 2 });
    // Another run queued after it completes, so the cancelled one had its chance to (wrongly) run.
    const later = await server.app.inject({ method: 'POST', url: '/api/runs', payload: { task: 'compute 1 + 1' } });
    await waitForStatus(server, (later.json() as { thread_id: string }).thread_id, ['completed']);
    expect((await server.app.inject(`/api/runs/${threadId}`)).json()).toEqual({
      status: 'cancelled',
      thread_id: threadId,
    });
    expect(await server.riptide.store.listRunEvents(threadId)).toEqual([]);
    const stream = await server.app.inject(`/api/runs/${threadId}/stream`);
    expect(parseFramesWithIds(stream.body).at(-1)?.data).toMatchObject({ event: 'error', code: 'aborted' });
  });

  it('a worker runs it; the joined stream has every event with ids, and Last-Event-ID replays the rest', async () => {
    worker ??= server.riptide.background.startWorker({ concurrency: 2 });
    const queued = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { task: 'compute 21 * 2', memory: false },
    });
    const { thread_id: threadId } = queued.json() as { thread_id: string };
    const stream = await server.app.inject(`/api/runs/${threadId}/stream`);
    expect(stream.statusCode).toBe(200);
    const frames = parseFramesWithIds(stream.body);
    const last = frames.at(-1);
    expect(last?.data.event).toBe('result');
    expect((last?.data.result as { final_answer: string } | undefined)?.final_answer).toContain('42');
    const events = frames.slice(0, -1);
    expect(events.map((frame) => Number(frame.id))).toEqual(events.map((_, index) => index));
    expect(events.map((frame) => frame.data.event)).toContain('node');

    const lookup = await waitForStatus(server, threadId, ['completed']);
    expect(lookup).toMatchObject({ status: 'completed', thread_id: threadId });

    const resumed = await server.app.inject({
      url: `/api/runs/${threadId}/stream`,
      headers: { 'last-event-id': String(Number(events[2].id)) },
    });
    const replay = parseFramesWithIds(resumed.body);
    expect(replay.map((frame) => frame.id)).toEqual(frames.slice(3).map((frame) => frame.id));
    expect(replay.map((frame) => frame.data)).toEqual(frames.slice(3).map((frame) => frame.data));

    const bad = await server.app.inject({ url: `/api/runs/${threadId}/stream`, headers: { 'last-event-id': 'x' } });
    expect(bad.statusCode).toBe(422);
    expect((await server.app.inject('/api/runs/no-such-run/stream')).statusCode).toBe(404);
  });

  it('GET /api/runs pages with cursor: pages do not overlap and cover every run', async () => {
    const all = (await server.app.inject('/api/runs?limit=500')).json() as { thread_id: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = (await server.app.inject('/api/runs?limit=2')).json() as { thread_id: string }[];
    const second = (await server.app.inject(`/api/runs?limit=500&cursor=${first[1].thread_id}`)).json() as {
      thread_id: string;
    }[];
    expect([...first, ...second].map((run) => run.thread_id)).toEqual(all.map((run) => run.thread_id));
  });

  it('refuses a webhook when no signing secret is configured, and an invalid body with the field path', async () => {
    const webhook = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { task: 'x', webhook: 'http://127.0.0.1:9/hook' },
    });
    expect(webhook.statusCode).toBe(422);
    expect(webhook.json()).toMatchObject({ code: 'validation_error' });
    const invalid = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { task: 'x', webhook: 'ftp://x' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(JSON.stringify(invalid.json())).toContain('webhook');
  });
});
