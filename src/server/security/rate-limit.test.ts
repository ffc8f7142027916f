// Rate limits and the concurrent-run cap: 429 `rate_limited` with Retry-After past either (OpenAI's
// shape under /v1), per key, per tenant; run slots come back whatever happens to the run.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../test-support/fake-openai-server.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';
import { createMemoryRunSlots, type RunSlots } from './run-slots.js';

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('requests per minute', () => {
  let server: TestServer;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_AUTH: 'required', RIPTIDE_RATE_LIMIT: '5' });
    keys.a = (await server.riptide.keys.create({ tenant_id: 'acme' })).key;
    keys.b = (await server.riptide.keys.create({ tenant_id: 'acme' })).key;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 429 with Retry-After past the limit, per key, in OpenAI shape under /v1', async () => {
    const get = (key: string, url = '/api/tools?limit=1') =>
      server.app.inject({ url, headers: { authorization: `Bearer ${key}` } });
    for (let index = 0; index < 5; index += 1) expect((await get(keys.a)).statusCode).toBe(200);
    const limited = await get(keys.a);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'rate_limited',
      detail: expect.stringContaining('5 requests per minute'),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const openAi = await get(keys.a, '/v1/models');
    expect(openAi.statusCode).toBe(429);
    expect(openAi.json()).toEqual({
      error: { message: expect.any(String), type: 'rate_limit_error', param: null, code: 'rate_limited' },
    });
    // Another key has its own budget; the public routes have none.
    expect((await get(keys.b)).statusCode).toBe(200);
    expect((await server.app.inject('/healthz')).statusCode).toBe(200);
  });
});

describe('concurrent runs per tenant', () => {
  let server: TestServer;
  let slots: RunSlots;
  let provider: FakeOpenAiServer;
  beforeAll(async () => {
    provider = await startFakeOpenAiServer({
      reply: (body) =>
        JSON.stringify(body).includes('explode')
          ? { status: 500, errorMessage: 'provider broke' }
          : { content: 'done' },
      responseDelayMs: 400,
      models: ['fake-model'],
    });
    slots = createMemoryRunSlots(1);
    server = await openTestServer(
      {
        RIPTIDE_PROVIDER: 'custom',
        RIPTIDE_API_BASE: provider.url,
        RIPTIDE_MODEL: 'fake-model',
        RIPTIDE_MODEL_MAX_RETRIES: '0',
      },
      { runSlots: slots },
    );
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
  });
  afterEach(async () => {
    expect(await slots.inUse('acme')).toBe(0);
  });

  const runRequests = [
    { method: 'POST' as const, url: '/run', payload: { task: 'compute 2 + 2', tenant_id: 'acme', offline: true } },
    { method: 'GET' as const, url: '/run/stream?task=compute%202%20%2B%202&tenant_id=acme&offline=true' },
    { method: 'GET' as const, url: '/api/run/trace?task=compute%202%20%2B%202&tenant_id=acme&offline=true' },
    {
      method: 'POST' as const,
      url: '/api/run/interactive',
      payload: { task: 'compute 2 + 2', tenant_id: 'acme', offline: true },
    },
    {
      method: 'POST' as const,
      url: '/sessions/s1/messages',
      payload: { task: 'compute 2 + 2', tenant_id: 'acme', offline: true },
    },
    { method: 'GET' as const, url: '/api/sessions/s1/messages/stream?task=hi&tenant_id=acme&offline=true' },
    { method: 'GET' as const, url: '/api/chat/stream?message=hi&tenant_id=acme&offline=true' },
    {
      method: 'POST' as const,
      url: '/v1/chat/completions',
      payload: { model: 'riptide', messages: [{ role: 'user', content: 'hi' }], tenant_id: 'acme', offline: true },
    },
    { method: 'POST' as const, url: '/api/workflows/run', payload: { name: 'none', tenant_id: 'acme' } },
    { method: 'GET' as const, url: '/api/workflows/run/stream?name=none&tenant_id=acme' },
  ];

  it('refuses every route that starts a run while the tenant is at its cap, and only that tenant', async () => {
    const release = await slots.tryAcquire('acme');
    expect(release).not.toBeNull();
    try {
      for (const request of runRequests) {
        const response = await server.app.inject(request);
        expect(response.statusCode, request.url).toBe(429);
        const body = response.json();
        expect(body.code ?? body.error.code, request.url).toBe('rate_limited');
        expect(response.headers['retry-after'], request.url).toBe('1');
      }
      const other = await server.app.inject({
        method: 'POST',
        url: '/run',
        payload: { task: 'compute 2 + 2', tenant_id: 'globex', offline: true },
      });
      expect(other.statusCode).toBe(200);
    } finally {
      release?.();
    }
    for (const request of runRequests) {
      const response = await server.app.inject(request);
      expect(response.statusCode, request.url).not.toBe(429);
    }
  });

  it('gives the slot back when a run fails, when it is refused, and when the client goes away', async () => {
    const failed = await server.app.inject({
      method: 'POST',
      url: '/run',
      payload: { task: 'explode now', tenant_id: 'acme' },
    });
    expect(failed.json().status).toBe('failed');
    expect(await slots.inUse('acme')).toBe(0);
    const invalid = await server.app.inject({
      method: 'POST',
      url: '/api/workflows/run',
      payload: { name: 'none', tenant_id: 'acme' },
    });
    expect(invalid.statusCode).toBe(404);
    expect(await slots.inUse('acme')).toBe(0);

    const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
    for (const path of ['/run', '/run/stream?task=compute%202%20%2B%202&tenant_id=acme']) {
      const controller = new AbortController();
      const request = fetch(`${address}${path}`, {
        method: path === '/run' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/run' ? JSON.stringify({ task: 'compute 2 + 2', tenant_id: 'acme' }) : undefined,
        signal: controller.signal,
      }).catch((error: Error) => error);
      await waitFor(async () => (await slots.inUse('acme')) === 1, `the run of ${path} to hold its slot`);
      controller.abort();
      await request;
      await waitFor(async () => (await slots.inUse('acme')) === 0, `the slot of ${path} to come back`);
    }
  });
});
