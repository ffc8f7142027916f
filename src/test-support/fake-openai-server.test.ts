import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server.js';

describe('startFakeOpenAiServer', () => {
  let server: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers the official OpenAI client, non-stream, with tool calls and usage', async () => {
    server = await startFakeOpenAiServer({
      replies: [{ toolCalls: [{ id: 'call_a', name: 'calculator', arguments: { expression: '2 + 2' } }] }],
    });
    const client = new OpenAI({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'what is 2 + 2' }],
    });
    const call = completion.choices[0].message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('calculator');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ expression: '2 + 2' });
    expect(completion.choices[0].finish_reason).toBe('tool_calls');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    expect(server.requests[0].messages[0]).toEqual({ role: 'user', content: 'what is 2 + 2' });
  });

  it('streams chat.completion.chunks with role first, finish_reason last, a usage chunk, then [DONE]', async () => {
    server = await startFakeOpenAiServer({ replies: [{ content: 'one two three four five' }] });
    const client = new OpenAI({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('one two three four five');
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBeGreaterThan(1);
    expect(chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('stop');
    expect(chunks[chunks.length - 1].usage?.completion_tokens).toBe(5);
    expect(server.completedStreams).toBe(1);
  });

  it('fails the first N requests with the scripted status and a retry-after-ms hint', async () => {
    server = await startFakeOpenAiServer({ failFirst: { count: 1, status: 503 }, retryAfterMs: 7 });
    const url = `${server.url}/chat/completions`;
    const request = {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    };
    const first = await fetch(url, request);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after-ms')).toBe('7');
    expect((await first.json()).error.type).toBe('server_error');
    const second = await fetch(url, request);
    expect(second.status).toBe(200);
    expect((await second.json()).choices[0].message.content).toBe('You said: hi');
    expect(server.requests).toHaveLength(2);
  });

  it('answers from a reply function after the scripted queue, and scripted error replies', async () => {
    server = await startFakeOpenAiServer({
      replies: [{ content: 'first' }, { status: 429, errorMessage: 'slow down' }],
      reply: (body, index) => ({ content: `#${index} for ${body.model}` }),
    });
    const post = () =>
      fetch(`${server!.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm1', messages: [{ role: 'user', content: 'x' }] }),
      });
    expect((await (await post()).json()).choices[0].message.content).toBe('first');
    const limited = await post();
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatchObject({ message: 'slow down', type: 'rate_limit_error' });
    expect((await (await post()).json()).choices[0].message.content).toBe('#2 for m1');
  });

  it('counts a stream the client abandoned as an abort', async () => {
    server = await startFakeOpenAiServer({ replies: [{ content: 'a b c d e f g h i j' }], chunkDelayMs: 30 });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await waitFor(() => server!.aborts === 1);
    expect(server.aborts).toBe(1);
    expect(server.completedStreams).toBe(0);
  });

  it('serves deterministic embeddings, the model list, and enforces an API key when asked', async () => {
    server = await startFakeOpenAiServer({ apiKey: 'sk-right', models: ['a', 'b'], embeddingDimensions: 4 });
    const auth = { authorization: 'Bearer sk-right' };
    const embed = async () =>
      (
        await (
          await fetch(`${server!.url}/embeddings`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ model: 'e', input: ['x', 'y'] }),
          })
        ).json()
      ).data.map((item: { embedding: number[] }) => item.embedding);
    const [first, second] = [await embed(), await embed()];
    expect(first).toEqual(second);
    expect(first[0]).toHaveLength(4);
    expect(first[0]).not.toEqual(first[1]);
    const models = await (await fetch(`${server.url}/models`, { headers: auth })).json();
    expect(models.data.map((model: { id: string }) => model.id)).toEqual(['a', 'b']);
    expect((await fetch(`${server.url}/models`)).status).toBe(401);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((r) => setTimeout(r, 10));
}
