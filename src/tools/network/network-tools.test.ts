import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolContext } from '../test-support/tool-test-context.js';
import { createToolRegistry } from '../tool-registry.js';
import type { HostLookup } from './address-guard.js';
import { resolveSafeTarget } from './address-guard.js';
import { createNetworkRequestTools } from './network-tools.js';

// Loopback test servers only. Refused addresses (10.0.0.1, 169.254.169.254) are rejected before
// any connection is attempted, so no traffic leaves this machine.
let target: http.Server;
let redirector: http.Server;
let binary: http.Server;
let targetPort = 0;
let redirectorPort = 0;
let binaryPort = 0;

const listen = (server: http.Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  target = http.createServer((request, response) => {
    if (request.url?.startsWith('/search')) {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({ results: [{ title: 'Riptide', url: 'https://example.com/r', content: 'agents' }] }),
      );
      return;
    }
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end('hello from loopback '.repeat(10));
  });
  redirector = http.createServer((request, response) => {
    response.statusCode = 302;
    response.setHeader(
      'location',
      request.url === '/to-allowed' ? `http://127.0.0.1:${targetPort}/` : `http://localhost:${targetPort}/`,
    );
    response.end();
  });
  binary = http.createServer((_request, response) => {
    response.setHeader('content-type', 'image/png');
    response.end(Buffer.alloc(10));
  });
  [targetPort, redirectorPort, binaryPort] = await Promise.all([listen(target), listen(redirector), listen(binary)]);
});

afterAll(async () => {
  await Promise.all([target, redirector, binary].map((server) => new Promise((resolve) => server.close(resolve))));
});

const registryFor = (allowHosts: string[], searxngUrl: string | null = null, lookup?: HostLookup) =>
  createToolRegistry({
    tools: createNetworkRequestTools({ networkAllowHosts: allowHosts, searxngUrl, lookup }),
    timeoutMs: 5_000,
  });

describe('http_get SSRF guard', () => {
  it.each([
    ['http://127.0.0.1/', /127\.0\.0\.1 \(loopback\)/],
    ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['http://10.0.0.1/', /private/],
    ['http://[::1]/', /loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://localhost/', /localhost: it resolves to/],
    ['file:///etc/passwd', /only http and https/],
    ['http://user:pw@example.com/', /credentials/],
  ])('refuses %s', async (url, message) => {
    const result = await registryFor([]).run('http_get', { url }, toolContext('/nonexistent'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses a public-looking hostname whose DNS answer is private', async () => {
    const lookup: HostLookup = async () => [{ address: '192.168.0.10', family: 4 }];
    await expect(resolveSafeTarget('http://internal.example.com/', [], lookup)).rejects.toThrow(/private/);
  });

  it('refuses the loopback test server unless it is allowed, then reaches it', async () => {
    const url = `http://127.0.0.1:${targetPort}/`;
    expect((await registryFor([]).run('http_get', { url }, toolContext('/nonexistent'))).ok).toBe(false);
    const allowed = await registryFor([`127.0.0.1:${targetPort}`]).run(
      'http_get',
      { url },
      toolContext('/nonexistent'),
    );
    expect(allowed).toMatchObject({ ok: true, value: { status: 200, content_type: 'text/plain; charset=utf-8' } });
    expect(allowed.ok && (allowed.value as { body: string }).body).toContain('hello from loopback');
  });

  it('re-checks every redirect hop and refuses a redirect to loopback', async () => {
    const registry = registryFor([`127.0.0.1:${redirectorPort}`]);
    const result = await registry.run(
      'http_get',
      { url: `http://127.0.0.1:${redirectorPort}/to-localhost` },
      toolContext('/nonexistent'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/localhost: it resolves to/);
    const both = registryFor([`127.0.0.1:${redirectorPort}`, `127.0.0.1:${targetPort}`]);
    const followed = await both.run(
      'http_get',
      { url: `http://127.0.0.1:${redirectorPort}/to-allowed` },
      toolContext('/nonexistent'),
    );
    expect(followed).toMatchObject({
      ok: true,
      value: { status: 200, redirects: [`http://127.0.0.1:${targetPort}/`] },
    });
  });

  it('returns text only and stops at the size limit', async () => {
    const registry = registryFor([`127.0.0.1:${binaryPort}`, `127.0.0.1:${targetPort}`]);
    const image = await registry.run(
      'http_get',
      { url: `http://127.0.0.1:${binaryPort}/` },
      toolContext('/nonexistent'),
    );
    expect(image).toMatchObject({ ok: false, error: expect.stringMatching(/non-text content-type 'image\/png'/) });
    const small = await registry.run(
      'http_get',
      { url: `http://127.0.0.1:${targetPort}/`, max_bytes: 5 },
      toolContext('/nonexistent'),
    );
    expect(small).toMatchObject({ ok: true, value: { body: 'hello', truncated: true } });
  });
});

describe('web_search', () => {
  it('is present only with a SearXNG URL and queries its JSON API', async () => {
    expect(registryFor([]).get('web_search')).toBeUndefined();
    const registry = registryFor([], `http://127.0.0.1:${targetPort}`);
    const result = await registry.run('web_search', { query: 'riptide agents' }, toolContext('/nonexistent'));
    expect(result).toMatchObject({
      ok: true,
      value: [{ title: 'Riptide', url: 'https://example.com/r', snippet: 'agents' }],
    });
  });
});
