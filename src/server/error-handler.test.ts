import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './test-support/open-test-server.js';

describe('error handling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_TENANT_BUDGETS: '{"broke":0}' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers invalid bodies with 422, naming each field path', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/run',
      payload: { task: 'compute 1 + 1', vote_k: 99, react_steps: 0 },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('validation_error');
    expect(body.detail).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^body\.vote_k: .*15/),
        expect.stringMatching(/^body\.react_steps: /),
      ]),
    );
  });

  it('answers a missing task, invalid query values and bad identifiers with 422', async () => {
    const missing = await server.app.inject({ method: 'POST', url: '/run', payload: {} });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toEqual([expect.stringMatching(/^body\.task: /)]);

    const query = await server.app.inject('/run/stream?task=hi&vote_k=abc');
    expect(query.statusCode).toBe(422);
    expect(query.json().detail).toEqual([expect.stringMatching(/^query\.vote_k: /)]);

    for (const id of ['.hidden', 'has space', 'x'.repeat(129)]) {
      const response = await server.app.inject(`/sessions/${encodeURIComponent(id)}`);
      expect(response.statusCode).toBe(422);
      expect(response.json().detail).toEqual([expect.stringMatching(/^params\.session_id: /)]);
    }

    const tenant = await server.app.inject({
      method: 'POST',
      url: '/run',
      payload: { task: 'x', tenant_id: '../etc' },
    });
    expect(tenant.statusCode).toBe(422);
  });

  it('answers malformed JSON with 422', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/run',
      headers: { 'content-type': 'application/json' },
      payload: '{"task": ',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'validation_error' });
  });

  it('answers an exhausted tenant budget with 402 on every run route', async () => {
    const body = { task: 'compute 2 + 2', tenant_id: 'broke' };
    for (const url of ['/run', '/api/run/interactive', '/sessions/s1/messages']) {
      const response = await server.app.inject({ method: 'POST', url, payload: body });
      expect(response.statusCode, url).toBe(402);
      expect(response.json()).toMatchObject({ code: 'budget_exceeded', detail: expect.stringContaining('broke') });
    }
    for (const url of ['/run/stream', '/api/run/trace', '/api/sessions/s1/messages/stream']) {
      const response = await server.app.inject(`${url}?task=hello&tenant_id=broke`);
      expect(response.statusCode, url).toBe(402);
      expect(response.json().code).toBe('budget_exceeded');
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    for (const url of ['/nope', '/api/nope']) {
      const response = await server.app.inject(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ detail: 'Not Found', code: 'not_found' });
    }
  });

  it("uses OpenAI's error shape under /v1, with validation failures as 400", async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      payload: { model: 'riptide', messages: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        message: expect.stringContaining('body.messages'),
        type: 'invalid_request_error',
        param: 'messages',
        code: 'validation_error',
      },
    });
    const unknown = await server.app.inject('/v1/nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ type: 'not_found_error', code: 'not_found' });
    const broke = await server.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      payload: { model: 'riptide', messages: [{ role: 'user', content: 'hi' }], tenant_id: 'broke' },
    });
    expect(broke.statusCode).toBe(402);
    expect(broke.json().error).toMatchObject({ type: 'insufficient_quota', code: 'budget_exceeded' });
    const brokeStream = await server.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      payload: { model: 'riptide', messages: [{ role: 'user', content: 'hi' }], tenant_id: 'broke', stream: true },
    });
    expect(brokeStream.statusCode).toBe(402);
    expect(brokeStream.json().error).toMatchObject({ code: 'budget_exceeded' });
  });

  it('never puts a stack trace in a response', async () => {
    const responses = await Promise.all([
      server.app.inject({ method: 'POST', url: '/run', payload: { task: 'x', vote_k: 'many' } }),
      server.app.inject({ method: 'POST', url: '/api/run/missing/resume', payload: {} }),
      server.app.inject('/api/runs/missing'),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(Object.keys(response.json()).sort()).toEqual(['code', 'detail']);
      expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
});
