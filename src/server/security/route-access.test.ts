// Every route the server documents × {no key, bad key, another tenant's key, admin key}: the routes
// come from the OpenAPI document, so a route added later is checked without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../auth/api-key-secret.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

interface Operation {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Whether the route takes a tenant_id (body or query) that a tenant key may not set to another tenant. */
  takesTenant: boolean;
  takesThread: boolean;
}

const AUTH_CODES = new Set(['unauthorized', 'forbidden', 'bad_host', 'bad_origin']);
const PUBLIC_PATHS = new Set(['/healthz']);
const ADMIN_PREFIXES = ['/api/connection', '/api/mcp', '/api/keys'];

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      if (upper !== 'GET' && upper !== 'POST' && upper !== 'DELETE') continue;
      const queryTenant = (operation.parameters ?? []).some((p) => p.in === 'query' && p.name === 'tenant_id');
      const bodyTenant = Object.values(operation.requestBody?.content ?? {}).some(
        (content) => content.schema?.properties?.tenant_id !== undefined,
      );
      operations.push({
        method: upper,
        path,
        takesTenant: queryTenant || bodyTenant,
        takesThread: path.includes('{thread_id}'),
      });
    }
  }
  return operations;
}

function codeOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { code?: string; error?: { code?: string } };
    return parsed.code ?? parsed.error?.code ?? null;
  } catch {
    return null;
  }
}

describe('every route × every kind of caller (RIPTIDE_AUTH=required)', () => {
  let server: TestServer;
  let operations: Operation[];
  const logLines: string[] = [];
  const keys = { admin: '', acme: '', globex: '' };
  let acmeThread = '';

  beforeAll(async () => {
    server = await openTestServer(
      { RIPTIDE_AUTH: 'required', RIPTIDE_RATE_LIMIT: '100000' },
      { logger: { level: 'debug', stream: { write: (line: string) => void logLines.push(line) } } },
    );
    keys.admin = (await server.riptide.keys.create({ tenant_id: 'ops', admin: true, name: 'admin' })).key;
    keys.acme = (await server.riptide.keys.create({ tenant_id: 'acme' })).key;
    keys.globex = (await server.riptide.keys.create({ tenant_id: 'globex' })).key;
    const run = await server.app.inject({
      method: 'POST',
      url: '/api/run/interactive',
      headers: { authorization: `Bearer ${keys.acme}` },
      payload: { task: 'save a note about water', offline: true },
    });
    expect(run.json()).toMatchObject({ status: 'pending_approval', thread_id: expect.any(String) });
    acmeThread = run.json().thread_id;
    operations = operationsOf(server.app.swagger() as never);
  });
  afterAll(async () => {
    await server?.close();
  });

  const urlOf = (operation: Operation, tenant?: string) => {
    const path = operation.path
      .replace('{thread_id}', acmeThread)
      .replace('{session_id}', 'shared-session')
      .replace('{name}', 'calculator')
      .replace('{key_id}', '0123456789abcdef');
    return tenant && operation.method !== 'POST' ? `${path}?tenant_id=${tenant}` : path;
  };
  const send = (operation: Operation, authorization: string | null, tenant?: string) =>
    server.app.inject({
      method: operation.method,
      url: urlOf(operation, tenant),
      headers: authorization === null ? {} : { authorization },
      ...(operation.method === 'POST' ? { payload: tenant ? { tenant_id: tenant } : {} } : {}),
    });

  it('finds every documented route, and only /healthz of them is public', () => {
    expect(operations.length).toBeGreaterThanOrEqual(35);
    expect(operations.some((operation) => operation.path === '/v1/chat/completions')).toBe(true);
    expect(operations.some((operation) => operation.path === '/api/keys/{key_id}')).toBe(true);
    const tenanted = operations.filter((operation) => operation.takesTenant).map((op) => `${op.method} ${op.path}`);
    expect(tenanted).toEqual(
      expect.arrayContaining([
        'POST /run',
        'GET /run/stream',
        'GET /api/runs',
        'POST /sessions/{session_id}/messages',
        'GET /sessions/{session_id}',
        'GET /api/costs',
        'GET /api/monitoring',
        'GET /api/workflows',
        'POST /api/tools/{name}/invoke',
        'POST /v1/chat/completions',
      ]),
    );
    // GET /api/runs/{thread_id}, its /events and /stream, POST /api/runs/{thread_id}/cancel and
    // POST /api/run/{thread_id}/resume.
    expect(operations.filter((operation) => operation.takesThread)).toHaveLength(5);
  });

  it('answers 401 with WWW-Authenticate without a key, with a malformed one and with an unknown one', async () => {
    const unknown = generateApiKey().key;
    for (const operation of operations.filter((op) => !PUBLIC_PATHS.has(op.path))) {
      for (const authorization of [null, 'Bearer not-a-riptide-key', `Bearer ${unknown}`, `Basic ${keys.admin}`]) {
        const response = await send(operation, authorization);
        expect({ route: `${operation.method} ${operation.path}`, status: response.statusCode }).toEqual({
          route: `${operation.method} ${operation.path}`,
          status: 401,
        });
        expect(codeOf(response.body)).toBe('unauthorized');
        expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="riptide"/);
      }
    }
  });

  it('serves the public routes without a key', async () => {
    for (const url of ['/healthz', '/openapi.json', '/docs']) {
      const response = await server.app.inject(url);
      expect(response.statusCode, url).toBeLessThan(400);
    }
  });

  it("refuses another tenant's data and the admin routes to a tenant key", async () => {
    const globex = `Bearer ${keys.globex}`;
    for (const operation of operations.filter((op) => !PUBLIC_PATHS.has(op.path))) {
      const route = `${operation.method} ${operation.path}`;
      if (ADMIN_PREFIXES.some((prefix) => operation.path.startsWith(prefix))) {
        const response = await send(operation, globex);
        expect({ route, status: response.statusCode, code: codeOf(response.body) }).toEqual({
          route,
          status: 403,
          code: 'forbidden',
        });
        continue;
      }
      if (operation.takesTenant) {
        const response = await send(operation, globex, 'acme');
        expect({ route, status: response.statusCode, code: codeOf(response.body) }).toEqual({
          route,
          status: 403,
          code: 'forbidden',
        });
      }
      if (operation.takesThread) {
        const response = await send(operation, globex);
        expect({ route, status: response.statusCode, code: codeOf(response.body) }).toEqual({
          route,
          status: 404,
          code: 'unknown_run',
        });
      }
    }
  });

  it('lets an admin key through every route (naming any tenant)', async () => {
    const admin = `Bearer ${keys.admin}`;
    for (const operation of operations.filter((op) => !PUBLIC_PATHS.has(op.path))) {
      // Empty bodies fail validation quickly where a body is needed: what matters is getting past the guards.
      const response = await send(operation, admin, operation.takesTenant ? 'acme' : undefined);
      const code = codeOf(response.body);
      expect({
        route: `${operation.method} ${operation.path}`,
        code: AUTH_CODES.has(code ?? '') ? code : 'ok',
      }).toEqual({ route: `${operation.method} ${operation.path}`, code: 'ok' });
    }
  });

  it('never puts a key in a response or a log line, except the one answer that creates it', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/keys',
      headers: { authorization: `Bearer ${keys.admin}` },
      payload: { tenant_id: 'initech', name: 'fresh' },
    });
    expect(created.statusCode).toBe(200);
    const fresh = created.json() as { key: string; key_id: string };
    expect(fresh.key).toMatch(/^rt_[0-9a-f]{16}[A-Za-z0-9_-]{43}$/);
    const listed = await server.app.inject({ url: '/api/keys', headers: { authorization: `Bearer ${keys.admin}` } });
    const secrets = [keys.admin, keys.acme, keys.globex, fresh.key].map((key) => key.slice(19));
    expect(listed.json().map((key: { key_id: string }) => key.key_id)).toContain(fresh.key_id);
    for (const secret of secrets) {
      expect(listed.body).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
    expect(logLines.length).toBeGreaterThan(100);
    const whoami = await server.app.inject({ url: '/api/whoami', headers: { authorization: `Bearer ${fresh.key}` } });
    expect(whoami.json()).toEqual({ auth: 'required', key_id: fresh.key_id, tenant_id: 'initech', admin: false });

    const revoked = await server.app.inject({
      method: 'DELETE',
      url: `/api/keys/${fresh.key_id}`,
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(revoked.json()).toMatchObject({ key_id: fresh.key_id, revoked_at: expect.any(String) });
    const afterRevoke = await server.app.inject({
      url: '/api/whoami',
      headers: { authorization: `Bearer ${fresh.key}` },
    });
    expect(afterRevoke.statusCode).toBe(401);
  });
});
