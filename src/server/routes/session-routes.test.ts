import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResultSchema } from '../../spec/run-result.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';
import { parseSseFrames } from '../test-support/parse-sse-frames.js';

type Frame = { event: string; [key: string]: unknown };

describe('session routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('an unknown session is empty', async () => {
    const response = await server.app.inject('/sessions/fresh-session');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ session_id: 'fresh-session', turns: [] });
  });

  it('appends each turn, lists the session, and clears it', async () => {
    const first = await server.app.inject({
      method: 'POST',
      url: '/sessions/s-1/messages',
      payload: { task: 'compute 21 * 2' },
    });
    expect(first.statusCode).toBe(200);
    const firstResult = runResultSchema.parse(first.json());

    const streamed = await server.app.inject('/api/sessions/s-1/messages/stream?task=compute%203%20*%203');
    expect(streamed.statusCode).toBe(200);
    const frames = parseSseFrames(streamed.body) as Frame[];
    expect(frames.some((frame) => frame.event === 'node')).toBe(true);
    expect(frames.at(-1)?.event).toBe('result');
    const secondResult = runResultSchema.parse((frames.at(-1) as Frame).result);

    const session = await server.app.inject('/sessions/s-1');
    expect(session.json()).toEqual({
      session_id: 's-1',
      turns: [
        expect.objectContaining({ task: 'compute 21 * 2', thread_id: firstResult.thread_id, blocked: false }),
        expect.objectContaining({ task: 'compute 3 * 3', thread_id: secondResult.thread_id }),
      ],
    });

    const listed = await server.app.inject('/api/sessions');
    expect(listed.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ session_id: 's-1', turns: 2, last_task: 'compute 3 * 3' })]),
    );

    const cleared = await server.app.inject({ method: 'DELETE', url: '/sessions/s-1' });
    expect(cleared.json()).toEqual({ status: 'cleared', session_id: 's-1' });
    expect((await server.app.inject('/sessions/s-1')).json().turns).toEqual([]);
  });

  it('passes prior turns to the next run as history', async () => {
    const prompts: string[] = [];
    const probe = await openTestServer(
      {},
      {},
      { modelOptions: { offline: { onRequest: (_purpose, text) => prompts.push(text) } } },
    );
    try {
      await probe.app.inject({
        method: 'POST',
        url: '/sessions/h/messages',
        payload: { task: 'my favourite colour is teal', memory: false },
      });
      prompts.length = 0;
      await probe.app.inject({
        method: 'POST',
        url: '/sessions/h/messages',
        payload: { task: 'what did I say?', memory: false },
      });
      expect(prompts.join('\n')).toContain('my favourite colour is teal');
    } finally {
      await probe.close();
    }
  });

  it('streams a direct chat turn and appends it to the session', async () => {
    const response = await server.app.inject('/api/chat/stream?message=hello%20there&session_id=chat-1');
    expect(response.statusCode).toBe(200);
    const frames = parseSseFrames(response.body) as Frame[];
    expect(frames.filter((frame) => frame.event === 'token').length).toBeGreaterThan(0);
    expect(frames.at(-1)?.event).toBe('done');
    const text = frames
      .filter((frame) => frame.event === 'token')
      .map((frame) => frame.text)
      .join('');
    const session = await server.app.inject('/sessions/chat-1');
    expect(session.json().turns).toEqual([
      expect.objectContaining({ task: 'hello there', final_answer: text, mode: 'chat' }),
    ]);
    const missing = await server.app.inject('/api/chat/stream');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toEqual([expect.stringMatching(/^query\.message: /)]);
  });
});
