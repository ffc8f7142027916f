import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './test-support/open-test-server.js';

describe('OpenAPI document and docs UI', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves an OpenAPI 3.1 document describing every route', async () => {
    const response = await server.app.inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\.1/);
    expect(document.info.description).toMatch(/unauthenticated/i);
    expect(document.info.description).toMatch(/proxy/i);
    const paths = Object.keys(document.paths);
    for (const route of [
      '/healthz',
      '/run',
      '/run/stream',
      '/api/run/trace',
      '/api/chat/stream',
      '/api/run/interactive',
      '/api/run/{thread_id}/resume',
      '/api/runs',
      '/api/runs/{thread_id}',
      '/sessions/{session_id}/messages',
      '/sessions/{session_id}',
      '/api/sessions/{session_id}/messages/stream',
      '/api/sessions',
      '/api/meta',
      '/api/tools',
      '/api/roles',
      '/api/tools/{name}/invoke',
      '/api/costs',
      '/api/monitoring',
      '/api/connection',
      '/api/connection/test',
      '/v1/chat/completions',
      '/v1/models',
    ]) {
      expect(paths, route).toContain(route);
    }
    expect(paths.some((route) => route.startsWith('/docs'))).toBe(false);

    const run = document.paths['/run'].post;
    expect(run.description).toBeTruthy();
    expect(Object.keys(run.responses)).toEqual(expect.arrayContaining(['200', '402', '422']));
    const toolsQuery = document.paths['/api/tools'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(toolsQuery).toEqual(expect.arrayContaining(['q', 'category']));
    const runsQuery = document.paths['/api/runs'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(runsQuery).toEqual(expect.arrayContaining(['tenant_id', 'status', 'limit']));
  });

  it('serves the docs UI and its assets locally', async () => {
    const page = await server.app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
    const scripts = [...page.body.matchAll(/src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).not.toMatch(/^https?:/);
    }
  });
});
