// GET /api/chat/stream is resumable: every frame carries `id: <turn>:<seq>`, the turn's frames are
// stored, and a reconnect with Last-Event-ID — after a real socket dropped mid-stream, too — gets the
// frames after that one and the turn's end without a second model call. A local server speaking
// OpenAI's wire format stands in for the provider (streamed word by word, slowly when asked).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../test-support/fake-openai-server.js';
import { replayChatTurn } from '../resumable-chat-stream.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';
import { parseSseFramesWithIds } from '../test-support/parse-sse-frames.js';
import { readThenDisconnect, readToEnd, waitUntil } from '../test-support/sse-socket.js';

const ANSWER = 'one two three four five six seven eight nine ten eleven twelve';

let provider: FakeOpenAiServer;
let server: TestServer;

beforeAll(async () => {
  provider = await startFakeOpenAiServer({ reply: () => ({ content: ANSWER }), wordsPerChunk: 1 });
  server = await openTestServer({
    RIPTIDE_PROVIDER: 'custom',
    RIPTIDE_API_BASE: provider.url,
    RIPTIDE_MODEL: 'fake-model',
    RIPTIDE_MODEL_MAX_RETRIES: '0',
  });
});
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

const chatUrl = (message: string) => `/api/chat/stream?message=${encodeURIComponent(message)}`;

describe('GET /api/chat/stream ids and Last-Event-ID', () => {
  it('numbers every frame; a reconnect after any frame gets exactly the frames after it, with no model call', async () => {
    const live = parseSseFramesWithIds((await server.app.inject(chatUrl('hello there'))).body);
    expect(live.at(-1)?.data.event).toBe('done');
    expect(live.map((frame) => frame.data.event === 'token').filter(Boolean)).toHaveLength(live.length - 1);
    expect(live.map((frame) => frame.data.text ?? '').join('')).toBe(ANSWER);
    const turn = live[0].id?.split(':')[0] ?? '';
    expect(turn).toMatch(/^chat-[0-9a-f-]{36}$/);
    expect(live.map((frame) => frame.id)).toEqual(live.map((_, index) => `${turn}:${index + 1}`));

    const calls = provider.requests.length;
    for (let index = 0; index < live.length; index += 1) {
      const replay = await server.app.inject({
        url: chatUrl('ignored on a reconnect'),
        headers: { 'last-event-id': live[index].id ?? '' },
      });
      expect(replay.statusCode).toBe(200);
      // After the last frame (the end), the end again under its own id.
      const expected = index === live.length - 1 ? [live[index]] : live.slice(index + 1);
      expect(parseSseFramesWithIds(replay.body)).toEqual(expected);
    }
    expect(provider.requests.length).toBe(calls);
  });

  it('after a real socket drops mid-stream, the reconnect gets the stored rest and the aborted end', async () => {
    const slow = await startFakeOpenAiServer({
      reply: () => ({ content: ANSWER }),
      wordsPerChunk: 1,
      chunkDelayMs: 150,
    });
    const slowServer = await openTestServer({
      RIPTIDE_PROVIDER: 'custom',
      RIPTIDE_API_BASE: slow.url,
      RIPTIDE_MODEL: 'fake-model',
      RIPTIDE_MODEL_MAX_RETRIES: '0',
    });
    try {
      await slowServer.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(slowServer.app.server.address() as AddressInfo).port}`;
      const before = await readThenDisconnect(base + chatUrl('tell me slowly'), (frames) => frames.length >= 3);
      expect(before.map((frame) => frame.data.event)).toEqual(['token', 'token', 'token']);
      // The dropped connection aborts the model call (the provider sees its stream closed early).
      await waitUntil('the provider stream to be aborted', async () => slow.aborts === 1);
      const turn = before[0].id?.split(':')[0] ?? '';
      const stored = await waitUntil('the turn to end in the store', async () => {
        const events = await slowServer.riptide.store.listRunEvents(turn);
        return (events.at(-1)?.event as { event?: string } | undefined)?.event === 'error' ? events : undefined;
      });

      const lastSeen = before.at(-1)?.id ?? '';
      const after = await readToEnd(base + chatUrl('ignored on a reconnect'), { 'last-event-id': lastSeen });
      expect(after.status).toBe(200);
      // Every stored frame after the last one seen, in order, ending with the turn's aborted end.
      const expected = stored.filter((record) => record.seq > 3).map((record) => `${turn}:${record.seq}`);
      expect(after.frames.map((frame) => frame.id)).toEqual(expected);
      expect(after.frames.at(-1)?.data).toMatchObject({ event: 'error', code: 'aborted' });
      const text = [...before, ...after.frames].map((frame) => frame.data.text ?? '').join('');
      expect(ANSWER.startsWith(text)).toBe(true);
      expect(slow.requests).toHaveLength(1);
    } finally {
      await slowServer.close();
      await slow.close();
    }
  });

  it('is 422 for an id not of this form, 404 for an unknown turn or another tenant’s', async () => {
    const bad = await server.app.inject({ url: chatUrl('x'), headers: { 'last-event-id': '12' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'validation_error' });
    const unknown = await server.app.inject({ url: chatUrl('x'), headers: { 'last-event-id': 'chat-nothing:3' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_run' });
    // A run's thread id is not a chat turn either.
    const run = await server.app.inject({
      method: 'POST',
      url: '/run',
      payload: { task: 'compute 2 + 2', offline: true },
    });
    const notChat = await server.app.inject({
      url: chatUrl('x'),
      headers: { 'last-event-id': `${(run.json() as { thread_id: string }).thread_id}:0` },
    });
    expect(notChat.statusCode).toBe(404);

    const live = parseSseFramesWithIds((await server.app.inject(`${chatUrl('hello')}&tenant_id=acme`)).body);
    const [turn, seq] = (live[0].id ?? '').split(':');
    const replay = (tenant: string | null) =>
      replayChatTurn(server.riptide.store, { threadId: turn, seq: Number(seq) }, tenant, new AbortController().signal);
    await expect(replay('globex').next()).rejects.toMatchObject({ code: 'unknown_run' });
    expect((await replay('acme').next()).value?.id).toBe(`${turn}:2`);
  });
});
