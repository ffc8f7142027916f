import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

interface ToolView {
  name: string;
  category: string;
  side_effecting: boolean;
  json_schema: Record<string, unknown>;
}

describe('catalog routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('GET /api/tools lists every tool in the API.md shape', async () => {
    const response = await server.app.inject('/api/tools');
    expect(response.statusCode).toBe(200);
    const tools = response.json() as ToolView[];
    expect(tools.length).toBe(server.riptide.tools.list().length);
    expect(tools[0]).toEqual({
      name: expect.any(String),
      version: expect.any(String),
      description: expect.any(String),
      side_effecting: expect.any(Boolean),
      category: expect.any(String),
      tags: expect.any(Array),
      json_schema: expect.any(Object),
    });
  });

  it('ranks tools by the retriever when q is given and filters by category', async () => {
    const ranked = (await server.app.inject('/api/tools?q=evaluate%20a%20math%20expression')).json() as ToolView[];
    expect(ranked.map((tool) => tool.name)).toEqual(
      server.riptide.tools.search('evaluate a math expression', { limit: 20 }).map((tool) => tool.name),
    );
    expect(ranked[0].name).toBe('calculator');

    const category = ranked[0].category;
    const filtered = (await server.app.inject(`/api/tools?category=${category}`)).json() as ToolView[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((tool) => tool.category === category)).toBe(true);
    const none = (await server.app.inject('/api/tools?category=no-such-category')).json();
    expect(none).toEqual([]);
  });

  it('ranks intent-phrased requests exactly as registry.search does, without changing the tool shape', async () => {
    for (const request of [
      'who should I write to from this list of attendees',
      'what time is it in Tokyo right now',
      'the figure half of these values fall below',
      'what do our own docs say about expenses',
    ]) {
      const response = await server.app.inject(`/api/tools?q=${encodeURIComponent(request)}&limit=4`);
      const ranked = response.json() as ToolView[];
      expect(ranked.map((tool) => tool.name)).toEqual(
        server.riptide.tools.search(request, { limit: 4 }).map((tool) => tool.name),
      );
      expect(ranked.length).toBeGreaterThan(0);
      expect(Object.keys(ranked[0]).sort()).toEqual(
        ['category', 'description', 'json_schema', 'name', 'side_effecting', 'tags', 'version'].sort(),
      );
    }
  });

  it('GET /api/roles lists, searches and filters roles', async () => {
    const roles = (await server.app.inject('/api/roles')).json() as { name: string; category: string }[];
    expect(roles.length).toBe(server.riptide.roles.list().length);
    expect(roles[0]).toEqual({
      name: expect.any(String),
      description: expect.any(String),
      category: expect.any(String),
      system_prompt: expect.any(String),
      tools: expect.toSatisfy((value) => value === null || Array.isArray(value)),
      tags: expect.any(Array),
    });
    const searched = (await server.app.inject('/api/roles?q=security%20audit&limit=3')).json() as { name: string }[];
    expect(searched.map((role) => role.name)).toEqual(
      server.riptide.roles.search('security audit', { limit: 3 }).map((role) => role.name),
    );
    const category = roles[0].category;
    const filtered = (await server.app.inject(`/api/roles?category=${category}`)).json() as { category: string }[];
    expect(filtered.every((role) => role.category === category)).toBe(true);
  });

  it('POST /api/tools/{name}/invoke runs a read-only tool', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/tools/calculator/invoke',
      payload: { arguments: { expression: '21 * 2' } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'calculator' });
    expect(JSON.stringify(response.json().result)).toContain('42');
  });

  it('answers 404 for unknown tools, 400 for side-effecting tools and bad arguments', async () => {
    const unknown = await server.app.inject({ method: 'POST', url: '/api/tools/no_such_tool/invoke', payload: {} });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_tool' });

    const writer = server.riptide.tools.list().find((tool) => tool.side_effecting);
    expect(writer).toBeDefined();
    const sideEffecting = await server.app.inject({
      method: 'POST',
      url: `/api/tools/${writer?.name}/invoke`,
      payload: { arguments: {} },
    });
    expect(sideEffecting.statusCode).toBe(400);
    expect(sideEffecting.json()).toMatchObject({ code: 'side_effecting_tool' });

    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/tools/calculator/invoke',
      payload: { arguments: { expression: 42 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'bad_tool_args', detail: expect.stringContaining('expression') });
    // A tool that fails as it runs: the message names the tool once, not twice.
    const failing = await server.app.inject({
      method: 'POST',
      url: '/api/tools/calculator/invoke',
      payload: { arguments: { expression: '17 *' } },
    });
    expect(failing.statusCode).toBe(400);
    const detail = failing.json().detail as string;
    expect(detail).toContain('17 *');
    expect(detail.split("tool 'calculator'")).toHaveLength(2);

    const badBody = await server.app.inject({
      method: 'POST',
      url: '/api/tools/calculator/invoke',
      payload: { arguments: 'nope' },
    });
    expect(badBody.statusCode).toBe(422);
  });

  it('GET /api/meta describes the server', async () => {
    const response = await server.app.inject('/api/meta');
    expect(response.statusCode).toBe(200);
    const meta = response.json();
    expect(meta).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      defaults: { vote_k: 1, react_steps: 1, tenant_id: 'default' },
      current_model: server.riptide.models.getConnection().model,
      tool_count: server.riptide.tools.list().length,
      role_count: server.riptide.roles.list().length,
      connection: { provider: 'offline', key_set: false },
      mcp: { enabled: false, connected: [] },
    });
    expect(meta.role_names).toContain('generalist');
    expect(meta.tool_categories.length).toBeGreaterThan(0);
  });
});
