import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { RiptideError } from '../errors/riptide-error.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../test-support/fake-openai-server.js';
import { createModelGateway } from './create-model-gateway.js';
import type { ModelToolDefinition } from './model-gateway.js';

const SECRET = 'sk-test-secret-key-1234567890abcd';
const calculator: ModelToolDefinition = {
  description: 'Evaluate an arithmetic expression',
  json_schema: {
    type: 'object',
    properties: { expression: { type: 'string', description: 'the expression' } },
    required: ['expression'],
  },
};

function customGateway(url: string, env: Record<string, string> = {}) {
  const config = loadConfig({
    RIPTIDE_PROVIDER: 'custom',
    RIPTIDE_API_BASE: url,
    RIPTIDE_API_KEY: SECRET,
    RIPTIDE_MODEL: 'fake-model',
    RIPTIDE_MODEL_MAX_RETRIES: '2',
    ...env,
  });
  return createModelGateway(config.model);
}

const ask = (content: string) => [{ role: 'user' as const, content }];

describe('createModelGateway with the custom provider against a fake OpenAI-compatible server', () => {
  let server: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('returns text, provider usage, cost, and tags the call with its purpose and sampling', async () => {
    server = await startFakeOpenAiServer({
      replies: [{ content: 'forty-two', usage: { prompt_tokens: 11, completion_tokens: 3 } }],
    });
    const gateway = customGateway(server.url, {
      RIPTIDE_MODEL_PRICES: '{"fake-model":{"input_per_mtok":1000000,"output_per_mtok":2000000}}',
    });
    const result = await gateway.call({
      purpose: 'worker',
      system: 'be brief',
      messages: ask('what is 21 * 2'),
      sampling: { temperature: 0.3, top_p: 0.9, max_tokens: 50, seed: 7 },
    });
    expect(result.text).toBe('forty-two');
    expect(result.usage).toEqual({ promptTokens: 11, completionTokens: 3, totalTokens: 14 });
    expect(result.costUsd).toBeCloseTo(11 + 6);
    expect(result).toMatchObject({ provider: 'custom', model: 'fake-model', finishReason: 'stop' });
    const body = server.requests[0];
    expect(body).toMatchObject({ model: 'fake-model', temperature: 0.3, top_p: 0.9, max_tokens: 50, seed: 7 });
    expect(body.messages[0]).toEqual({ role: 'system', content: 'be brief' });
    expect(server.headers[0].authorization).toBe(`Bearer ${SECRET}`);
  });

  it('returns tool calls, including invalid ones (unknown tool, unparseable arguments) with their raw input', async () => {
    server = await startFakeOpenAiServer({
      replies: [
        {
          toolCalls: [
            { id: 'c1', name: 'calculator', arguments: { expression: '21 * 2' } },
            { id: 'c2', name: 'no_such_tool', arguments: { x: 1 } },
            { id: 'c3', name: 'calculator', arguments: '{"expression": "1 +' },
            { id: 'c4', name: 'calculator', arguments: { wrong: true } },
          ],
        },
      ],
    });
    const gateway = customGateway(server.url);
    const result = await gateway.call({ purpose: 'worker', messages: ask('compute'), tools: { calculator } });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      {
        toolCallId: 'c1',
        toolName: 'calculator',
        input: { expression: '21 * 2' },
        rawInput: '{"expression":"21 * 2"}',
      },
      { toolCallId: 'c2', toolName: 'no_such_tool', input: { x: 1 }, rawInput: '{"x":1}' },
      { toolCallId: 'c3', toolName: 'calculator', input: undefined, rawInput: '{"expression": "1 +' },
      { toolCallId: 'c4', toolName: 'calculator', input: { wrong: true }, rawInput: '{"wrong":true}' },
    ]);
    const sent = server.requests[0].tools?.[0];
    expect(sent?.function.name).toBe('calculator');
    expect(sent?.function.parameters).toMatchObject({ required: ['expression'] });
  });

  it('streams text deltas as they arrive, with tool calls and usage (stream_options.include_usage)', async () => {
    server = await startFakeOpenAiServer({
      replies: [{ content: 'one two three four five six', usage: { prompt_tokens: 5, completion_tokens: 6 } }],
      wordsPerChunk: 2,
    });
    const gateway = customGateway(server.url);
    const deltas: string[] = [];
    const result = await gateway.call({
      purpose: 'finalize',
      messages: ask('count'),
      onTextDelta: (d) => deltas.push(d),
    });
    expect(deltas.length).toBe(3);
    expect(deltas.join('')).toBe('one two three four five six');
    expect(result.text).toBe('one two three four five six');
    expect(result.usage.totalTokens).toBe(11);
    expect(server.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });

    server.enqueue({
      toolCalls: [
        { id: 's1', name: 'calculator', arguments: { expression: '2 * 3' } },
        { id: 's2', name: 'no_such_tool', arguments: '{not json' },
      ],
    });
    const streamedTools = await gateway.call({
      purpose: 'worker',
      messages: ask('compute'),
      tools: { calculator },
      onTextDelta: () => {},
    });
    expect(streamedTools.toolCalls).toEqual([
      { toolCallId: 's1', toolName: 'calculator', input: { expression: '2 * 3' }, rawInput: '{"expression":"2 * 3"}' },
      { toolCallId: 's2', toolName: 'no_such_tool', input: undefined, rawInput: '{not json' },
    ]);
  });

  it('counts usage with the tokenizer when the provider reports none', async () => {
    server = await startFakeOpenAiServer({ replies: [{ content: 'hello there', usage: null }] });
    const result = await customGateway(server.url).call({ purpose: 'chat', messages: ask('say hello') });
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBe(2);
  });

  it.each([503, 429])('retries a %i and then succeeds', async (status) => {
    server = await startFakeOpenAiServer({ failFirst: { count: 2, status }, replies: [{ content: 'ok' }] });
    const result = await customGateway(server.url).call({ purpose: 'chat', messages: ask('hi') });
    expect(result.text).toBe('ok');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a 503 on a streaming call too', async () => {
    server = await startFakeOpenAiServer({
      failFirst: { count: 1, status: 503 },
      replies: [{ content: 'streamed ok' }],
    });
    const deltas: string[] = [];
    const result = await customGateway(server.url).call({
      purpose: 'chat',
      messages: ask('hi'),
      onTextDelta: (d) => deltas.push(d),
    });
    expect(result.text).toBe('streamed ok');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with model_error', async () => {
    server = await startFakeOpenAiServer({ failFirst: { count: 10, status: 503 } });
    const error = await customGateway(server.url)
      .call({ purpose: 'chat', messages: ask('hi') })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RiptideError);
    expect(error.code).toBe('model_error');
    expect(error.message).toContain('503');
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a 400 and never puts the key in the message', async () => {
    server = await startFakeOpenAiServer({
      failFirst: { count: 1, status: 400, message: `bad request for ${SECRET}` },
    });
    const error = await customGateway(server.url)
      .call({ purpose: 'chat', messages: ask('hi') })
      .catch((e) => e);
    expect(error.code).toBe('model_error');
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('400');
    expect(error.message).not.toContain(SECRET);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a slow provider with model_timeout', async () => {
    server = await startFakeOpenAiServer({ responseDelayMs: 2_000 });
    const gateway = customGateway(server.url, { RIPTIDE_MODEL_TIMEOUT_MS: '150' });
    const error = await gateway.call({ purpose: 'chat', messages: ask('hi') }).catch((e) => e);
    expect(error).toBeInstanceOf(RiptideError);
    expect(error.code).toBe('model_timeout');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a stream that stalls after it started, and refuses an already-aborted call', async () => {
    server = await startFakeOpenAiServer({
      replies: [{ content: 'a b c d e f g h' }],
      chunkDelayMs: 200,
      wordsPerChunk: 1,
    });
    const gateway = customGateway(server.url, { RIPTIDE_MODEL_TIMEOUT_MS: '500' });
    const deltas: string[] = [];
    const error = await gateway
      .call({ purpose: 'chat', messages: ask('hi'), onTextDelta: (d) => deltas.push(d) })
      .catch((e) => e);
    expect(error.code).toBe('model_timeout');
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join('')).not.toBe('a b c d e f g h');
    const aborted = await gateway
      .call({ purpose: 'chat', messages: ask('hi'), abortSignal: AbortSignal.abort() })
      .catch((e) => e);
    expect(aborted.code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('aborts a streaming call when the caller aborts, and the provider sees the disconnect', async () => {
    server = await startFakeOpenAiServer({
      replies: [{ content: 'a b c d e f g h i j k l' }],
      chunkDelayMs: 40,
      wordsPerChunk: 1,
    });
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = customGateway(server.url).call({
      purpose: 'chat',
      messages: ask('hi'),
      abortSignal: controller.signal,
      onTextDelta: (delta) => {
        deltas.push(delta);
        if (deltas.length === 2) controller.abort();
      },
    });
    const error = await pending.catch((e) => e);
    expect(error.code).toBe('aborted');
    for (let i = 0; i < 100 && server.aborts === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.aborts).toBe(1);
    expect(deltas.join('')).not.toBe('a b c d e f g h i j k l');
  });

  it('uses planner and worker models by purpose, and a per-run override', async () => {
    server = await startFakeOpenAiServer({});
    const gateway = customGateway(server.url, { RIPTIDE_PLANNER_MODEL: 'big', RIPTIDE_WORKER_MODEL: 'small' });
    await gateway.call({ purpose: 'plan', messages: ask('x') });
    await gateway.call({ purpose: 'worker', messages: ask('x') });
    await gateway.call({ purpose: 'worker', tier: 'planner', messages: ask('x') });
    await gateway.call({ purpose: 'critic', model: 'override', messages: ask('x') });
    expect(server.requests.map((body) => body.model)).toEqual(['big', 'small', 'big', 'override']);
    expect(gateway.listModels()).toEqual(['fake-model', 'big', 'small', 'riptide-offline']);
  });

  it('serves offline when asked, without touching the provider', async () => {
    server = await startFakeOpenAiServer({});
    const result = await customGateway(server.url).call({ purpose: 'ping', offline: true, messages: ask('ping') });
    expect(result).toMatchObject({ text: 'pong', provider: 'offline', model: 'riptide-offline', costUsd: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('embeds through the provider embedding model when configured, else returns null', async () => {
    server = await startFakeOpenAiServer({ embeddingDimensions: 6 });
    const withEmbeddings = customGateway(server.url, { RIPTIDE_EMBEDDING_MODEL: 'embed-small' });
    const vectors = await withEmbeddings.embed(['alpha', 'beta']);
    expect(vectors).toHaveLength(2);
    expect(vectors?.[0]).toHaveLength(6);
    expect(server.embeddingRequests[0]).toMatchObject({ model: 'embed-small', input: ['alpha', 'beta'] });
    expect(await withEmbeddings.embed(['alpha'], { offline: true })).toBeNull();
    expect(await customGateway(server.url).embed(['alpha'])).toBeNull();
  });

  it('tests the connection: ok with latency against a live server, ok:false with a detail when it fails', async () => {
    server = await startFakeOpenAiServer({});
    const gateway = customGateway(server.url);
    const ok = await gateway.testConnection();
    expect(ok).toMatchObject({ ok: true, model: 'fake-model' });
    expect(ok.latency_ms).toBeGreaterThanOrEqual(0);
    expect(server.requests[0].messages.at(-1)).toMatchObject({ role: 'user', content: 'ping' });
    await server.close();
    const failed = await gateway.testConnection();
    expect(failed.ok).toBe(false);
    expect(failed.detail).toMatch(/failed/);
    expect(failed.detail).not.toContain(SECRET);
    server = undefined;
  });
});

describe('createModelGateway offline resolution', () => {
  it('falls back to the offline model when openai has no key, and reports it as not configured', async () => {
    const gateway = createModelGateway(loadConfig({ RIPTIDE_PROVIDER: 'openai' }).model);
    expect(gateway.resolveModel({ tier: 'worker' })).toEqual({ provider: 'offline', model: 'riptide-offline' });
    expect(gateway.getConnection()).toMatchObject({ provider: 'openai', configured: false, key_set: false });
    const result = await gateway.call({ purpose: 'ping', messages: ask('ping') });
    expect(result.provider).toBe('offline');
  });

  it('estimates cost from the pricing dataset for a known model and is free offline', () => {
    const gateway = createModelGateway(loadConfig({ OPENAI_API_KEY: SECRET }).model);
    expect(gateway.estimateCost('gpt-4o-mini', 1_000_000, 1_000_000)).toBeCloseTo(0.75);
    expect(gateway.estimateCost('riptide-offline', 1_000_000, 1_000_000)).toBe(0);
    expect(gateway.countTokens('hello world')).toBe(2);
  });
});

describe('createModelGateway with the openai provider pointed at an OpenAI-compatible base URL', () => {
  it('speaks chat completions with the key, streams, and reports usage', async () => {
    const server = await startFakeOpenAiServer({
      replies: [{ content: 'alpha beta gamma delta', usage: { prompt_tokens: 9, completion_tokens: 4 } }],
    });
    try {
      const config = loadConfig({ OPENAI_API_KEY: SECRET, OPENAI_BASE_URL: server.url, RIPTIDE_MODEL: 'gpt-4o-mini' });
      const gateway = createModelGateway(config.model);
      const deltas: string[] = [];
      const result = await gateway.call({ purpose: 'chat', messages: ask('hi'), onTextDelta: (d) => deltas.push(d) });
      expect(result).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', text: 'alpha beta gamma delta' });
      expect(deltas.length).toBeGreaterThan(1);
      expect(result.usage.totalTokens).toBe(13);
      // Priced from the dataset: 9 × $0.15 + 4 × $0.60 per million tokens.
      expect(result.costUsd).toBeCloseTo((9 * 0.15 + 4 * 0.6) / 1_000_000, 12);
      expect(server.headers[0].authorization).toBe(`Bearer ${SECRET}`);
    } finally {
      await server.close();
    }
  });
});

describe('createModelGateway with the anthropic provider', () => {
  it('routes planner calls to the anthropic messages API and maps its failure without the key', async () => {
    const server = await startFakeOpenAiServer({});
    try {
      const config = loadConfig({
        RIPTIDE_PROVIDER: 'anthropic',
        ANTHROPIC_API_KEY: SECRET,
        RIPTIDE_API_BASE: server.url,
        RIPTIDE_PLANNER_MODEL: 'claude-sonnet-4-20250514',
      });
      const gateway = createModelGateway(config.model);
      expect(gateway.resolveModel({ tier: 'planner' })).toEqual({
        provider: 'anthropic',
        model: 'claude-sonnet-4-20250514',
      });
      expect(gateway.estimateCost('claude-sonnet-4-20250514', 1_000_000, 0)).toBeCloseTo(3);
      const error = await gateway.call({ purpose: 'plan', messages: ask('x') }).catch((e) => e);
      expect(error).toBeInstanceOf(RiptideError);
      expect(error.code).toBe('model_error');
      expect(error.message).toContain("anthropic model 'claude-sonnet-4-20250514'");
      expect(error.message).toContain('404');
      expect(error.message).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});
