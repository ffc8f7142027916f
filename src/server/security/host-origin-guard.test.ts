// The DNS-rebinding and cross-site guards, on by default (no keys, loopback): a rebound Host is 421
// before anything runs, a foreign Origin is 403, CORS headers only for RIPTIDE_CORS_ORIGINS, and the
// Studio gets security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';
import { isAllowedHost } from './host-guard.js';
import { isAllowedOrigin } from './origin-guard.js';

describe('Host allowlist', () => {
  const options = { allowedHosts: ['riptide.example.com', '.corp.example'], bindHost: '127.0.0.1' };

  it('answers loopback names, listed hosts and the bind address only', () => {
    for (const host of [
      '127.0.0.1:8000',
      'localhost:8000',
      'LOCALHOST',
      '[::1]:8000',
      '127.8.9.1',
      'app.localhost:80',
    ]) {
      expect(isAllowedHost(host, options), host).toBe(true);
    }
    for (const host of ['riptide.example.com', 'riptide.example.com:443', 'corp.example', 'a.b.corp.example:8000']) {
      expect(isAllowedHost(host, options), host).toBe(true);
    }
    expect(isAllowedHost('10.0.0.5:8000', { allowedHosts: [], bindHost: '10.0.0.5' })).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example:8000',
      'riptide.example.com.evil.example',
      'xcorp.example',
      '127.0.0.1.nip.io',
      'localhost.evil.example',
      '10.0.0.5',
      '[::ffff:10.0.0.5]',
      '0.0.0.0',
    ]) {
      expect(isAllowedHost(host, { ...options, bindHost: '0.0.0.0' }), String(host)).toBe(false);
    }
  });

  it("allows only the server's own origin and the configured ones", () => {
    const cors = { corsOrigins: ['https://app.example.com'] };
    expect(isAllowedOrigin('http://127.0.0.1:8000', '127.0.0.1:8000', cors)).toBe(true);
    expect(isAllowedOrigin('http://localhost', 'localhost:80', cors)).toBe(true);
    expect(isAllowedOrigin('https://app.example.com', '127.0.0.1:8000', cors)).toBe(true);
    for (const origin of [
      'http://evil.example',
      'null',
      'http://127.0.0.1:9999',
      'https://127.0.0.1:8000x',
      'file://',
    ]) {
      expect(isAllowedOrigin(origin, '127.0.0.1:8000', cors), origin).toBe(false);
    }
  });
});

describe('guards on a default server (loopback, no keys)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_CORS_ORIGINS: 'https://app.example.com' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a DNS-rebound Host with 421 bad_host on every route the issue drove', async () => {
    const requests = [
      { method: 'GET' as const, url: '/api/connection' },
      {
        method: 'POST' as const,
        url: '/api/run/interactive',
        payload: { task: 'save a note about water', offline: true },
      },
      { method: 'POST' as const, url: '/api/connection', payload: { provider: 'offline' } },
      { method: 'GET' as const, url: '/healthz' },
      { method: 'GET' as const, url: '/' },
      { method: 'POST' as const, url: '/v1/chat/completions', payload: { model: 'riptide', messages: [] } },
    ];
    for (const request of requests) {
      const response = await server.app.inject({ ...request, headers: { host: 'evil.example:8000' } });
      expect(response.statusCode, request.url).toBe(421);
      const body = response.json();
      expect(body.code ?? body.error?.code, request.url).toBe('bad_host');
    }
    expect(await server.riptide.store.listRuns({})).toEqual([]);
    expect((await server.app.inject({ url: '/api/connection', headers: { host: '127.0.0.1:8000' } })).statusCode).toBe(
      200,
    );
  });

  it('refuses requests from a foreign web origin with 403 bad_origin, before they run', async () => {
    for (const request of [
      { method: 'POST' as const, url: '/api/connection', payload: { provider: 'offline' } },
      {
        method: 'POST' as const,
        url: '/api/run/interactive',
        payload: { task: 'save a note about water', offline: true },
      },
      { method: 'GET' as const, url: '/run/stream?task=save%20a%20note%20about%20water' },
    ]) {
      const response = await server.app.inject({ ...request, headers: { origin: 'http://evil.example' } });
      expect(response.statusCode, request.url).toBe(403);
      expect(response.json().code).toBe('bad_origin');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(await server.riptide.store.listRuns({})).toEqual([]);

    const own = await server.app.inject({
      method: 'POST',
      url: '/api/connection',
      headers: { host: '127.0.0.1:8000', origin: 'http://127.0.0.1:8000' },
      payload: { provider: 'offline' },
    });
    expect(own.statusCode).toBe(200);
  });

  it('sends CORS headers to the configured origins only', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/run/interactive',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    const allowed = await server.app.inject({
      url: '/api/tools?limit=1',
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const plain = await server.app.inject('/api/tools?limit=1');
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('puts security headers on the Studio and the API', async () => {
    const page = await server.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const api = await server.app.inject('/healthz');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });
});
