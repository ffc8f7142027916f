// The OpenAPI document declares the bearer scheme and, on every operation, the responses the guards
// give: 401/403/429 on the guarded ones (OpenAI's error shape under /v1), 421 everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './test-support/open-test-server.js';

describe('OpenAPI security', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('declares the bearer scheme and the guard responses of every operation', async () => {
    const document = (await server.app.inject('/openapi.json')).json();
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.info.description).toContain('Authorization: Bearer');
    let guarded = 0;
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(Object.keys(operation.responses), where).toContain('421');
        if (path === '/healthz') {
          expect(operation.security, where).toEqual([]);
          continue;
        }
        guarded += 1;
        expect(operation.security, where).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(operation.responses), where).toEqual(expect.arrayContaining(['401', '403', '429']));
        expect(operation.responses['429'].headers['Retry-After'], where).toBeDefined();
        const body = operation.responses['401'].content['application/json'].schema;
        expect(Object.keys(body.properties), where).toEqual(path.startsWith('/v1/') ? ['error'] : ['detail', 'code']);
      }
    }
    expect(guarded).toBeGreaterThan(35);
    expect(document.paths['/api/keys'].post.responses['403'].description).toContain('admin key');
    expect(document.paths['/api/whoami'].get.responses['200']).toBeDefined();
  });
});
