import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../test-support/fake-openai-server.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

const API_KEY = 'sk-riptide-test-SECRET-key-0042';

describe('connection routes', () => {
  let server: TestServer;
  let provider: FakeOpenAiServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    provider = await startFakeOpenAiServer({ apiKey: API_KEY, models: ['fake-model'] });
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    // Debug level: even the most verbose lines must not carry the key.
    server = await openTestServer({}, { logger: { level: 'debug', stream: destination } });
  });
  afterAll(async () => {
    await server.close();
    await provider.close();
  });

  it('keeps the API key out of every response body and log line', async () => {
    const bodies: string[] = [];
    const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const response = await server.app.inject({
        method,
        url,
        payload,
        headers: { authorization: `Bearer ${API_KEY}` },
      });
      bodies.push(response.body, JSON.stringify(response.headers));
      return response;
    };

    const set = await call('POST', '/api/connection', {
      provider: 'custom',
      model: 'fake-model',
      api_key: API_KEY,
      api_base: provider.url,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      provider: 'custom',
      model: 'fake-model',
      api_base: provider.url,
      key_set: true,
      configured: true,
    });
    expect(set.json().key_masked ?? '').not.toContain(API_KEY.slice(0, -4));

    const view = await call('GET', '/api/connection');
    expect(view.json()).toEqual(set.json());

    const test = await call('POST', '/api/connection/test');
    expect(test.statusCode).toBe(200);
    // The fake provider refuses calls without the key: ok means the key was used, not echoed.
    expect(test.json()).toMatchObject({ ok: true, model: 'fake-model' });
    expect(provider.headers.at(-1)?.authorization).toBe(`Bearer ${API_KEY}`);

    await call('GET', '/api/meta');
    await call('POST', '/run', { task: 'say hello', memory: false });
    await call('POST', '/api/connection', { provider: 'custom', model: 'fake-model', api_base: provider.url });
    expect((await call('GET', '/api/connection')).json().key_set).toBe(true);
    await call('POST', '/api/connection', { provider: 'custom', api_key: 7, api_base: provider.url });

    expect(logLines.length).toBeGreaterThan(0);
    for (const text of [...bodies, ...logLines]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('SECRET-key');
    }
  });

  it('rejects an unknown provider and a custom endpoint without api_base with 422', async () => {
    const unknown = await server.app.inject({ method: 'POST', url: '/api/connection', payload: { provider: 'acme' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().detail).toEqual([expect.stringMatching(/^body\.provider: /)]);
    const custom = await server.app.inject({ method: 'POST', url: '/api/connection', payload: { provider: 'custom' } });
    expect(custom.statusCode).toBe(422);
    expect(custom.json().detail).toEqual([expect.stringMatching(/^body\.api_base: /)]);
  });

  it('reports a failing connection test without an error status', async () => {
    await server.app.inject({
      method: 'POST',
      url: '/api/connection',
      payload: { provider: 'custom', model: 'fake-model', api_key: 'wrong-key', api_base: provider.url },
    });
    const test = await server.app.inject({ method: 'POST', url: '/api/connection/test' });
    expect(test.statusCode).toBe(200);
    expect(test.json()).toMatchObject({ ok: false, detail: expect.any(String) });
    expect(test.body).not.toContain('wrong-key');
    const offline = await server.app.inject({
      method: 'POST',
      url: '/api/connection',
      payload: { provider: 'offline' },
    });
    expect(offline.json()).toMatchObject({ provider: 'offline' });
  });
});
