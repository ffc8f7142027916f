import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';
import { parseSseFrames } from '../test-support/parse-sse-frames.js';

interface Chunk {
  object: string;
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { total_tokens: number } | null;
}

describe('OpenAI-compatible routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const complete = (payload: object) => server.app.inject({ method: 'POST', url: '/v1/chat/completions', payload });

  it('answers a chat.completion for the last message, ignoring unknown fields', async () => {
    const response = await complete({
      model: 'riptide',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'compute 21 * 2' }] },
      ],
      n: 1,
      user: 'someone',
      logit_bias: {},
      offline: true,
    });
    expect(response.statusCode).toBe(200);
    const completion = response.json();
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'riptide',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
      usage: { total_tokens: expect.any(Number) },
    });
    expect(completion.choices[0].message.content).toContain('42');
    expect(completion.id).toMatch(/^chatcmpl-/);
  });

  it('streams chunks: role first, finish_reason last, usage on request, then [DONE]', async () => {
    const response = await complete({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const frames = parseSseFrames(response.body);
    expect(frames.at(-1)).toBe('[DONE]');
    const chunks = frames.slice(0, -1) as Chunk[];
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const usage = chunks.at(-1) as Chunk;
    expect(usage.choices).toEqual([]);
    expect(usage.usage?.total_tokens).toBeGreaterThan(0);
    const last = chunks.at(-2) as Chunk;
    expect(last.choices[0].finish_reason).toBe('stop');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toContain('42');
    expect(chunks.slice(0, -2).every((chunk) => chunk.choices[0].finish_reason === null)).toBe(true);
  });

  it('omits the usage chunk unless asked', async () => {
    const response = await complete({ model: 'riptide', messages: [{ role: 'user', content: 'hello' }], stream: true });
    const chunks = parseSseFrames(response.body).slice(0, -1) as Chunk[];
    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.usage === undefined)).toBe(true);
  });

  it('answers 400 in OpenAI shape for empty messages and a last message without text', async () => {
    for (const messages of [[], [{ role: 'user', content: '' }]]) {
      const response = await complete({ model: 'riptide', messages });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ type: 'invalid_request_error', code: 'validation_error' });
    }
  });

  it('GET /v1/models lists riptide and the configured models', async () => {
    const response = await server.app.inject('/v1/models');
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list.object).toBe('list');
    expect(list.data[0]).toEqual({ id: 'riptide', object: 'model', created: expect.any(Number), owned_by: 'riptide' });
    expect(list.data.map((model: { id: string }) => model.id)).toEqual(
      expect.arrayContaining(server.riptide.models.listModels()),
    );
  });
});
