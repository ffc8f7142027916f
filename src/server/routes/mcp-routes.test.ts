// The MCP routes on the real server app, with real MCP servers behind them: connect, tools in the
// catalog, the invoke path, graph runs (inline and approval-gated), disconnect, and the refusals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { type HttpMcpTestServer, startHttpMcpTestServer } from '../../mcp/test-support/http-mcp-test-server.js';
import { createRiptide } from '../../riptide.js';
import type { Riptide } from '../../riptide-types.js';
import { buildServer } from '../build-server.js';

const EVERYTHING = fileURLToPath(
  new URL('../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url),
);

interface App {
  riptide: Riptide;
  app: FastifyInstance;
  dataDir: string;
}

async function startApp(env: Record<string, string>): Promise<App> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  const riptide = await createRiptide(loadConfig({ RIPTIDE_PROVIDER: 'offline', RIPTIDE_DATA_DIR: dataDir, ...env }));
  const app = await buildServer(riptide, { logger: false });
  return { riptide, app, dataDir };
}

async function stopApp(started: App | undefined): Promise<void> {
  if (!started) return;
  await started.app.close();
  await started.riptide.close();
}

describe('MCP routes', () => {
  let http: HttpMcpTestServer;
  let open: App;
  let marker: string;

  beforeAll(async () => {
    http = await startHttpMcpTestServer();
    marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-')), 'launched');
    open = await startApp({
      RIPTIDE_ENABLE_MCP_CONNECT: '1',
      RIPTIDE_MCP_SERVERS: JSON.stringify([
        {
          name: 'everything',
          command: process.execPath,
          args: [EVERYTHING, 'stdio'],
          env: { EVERYTHING_SECRET: 'env-secret-value-77' },
          prefix: 'every',
        },
        { name: 'atlas', url: http.url, headers: { Authorization: `Bearer ${http.token}` }, description: 'geography' },
        {
          name: 'exits-at-once',
          command: process.execPath,
          args: ['-e', "console.error('no config'); process.exit(1)"],
        },
      ]),
    });
  }, 60_000);

  afterAll(async () => {
    await stopApp(open);
    await http?.close();
  });

  it('lists the allowlist without env or header values', async () => {
    const response = await open.app.inject({ method: 'GET', url: '/api/mcp' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.enabled).toBe(true);
    expect(body.servers.map((server: { name: string }) => server.name)).toEqual([
      'everything',
      'atlas',
      'exits-at-once',
    ]);
    expect(body.servers[0]).toMatchObject({ prefix: 'every', command: process.execPath, connected: false, tools: [] });
    expect(response.body).not.toContain('env-secret-value-77');
    expect(response.body).not.toContain(http.token);
  });

  it('connects over streamable HTTP: tools join the catalog, the invoke path and graph runs until disconnect', async () => {
    const connected = await open.app.inject({ method: 'POST', url: '/api/mcp/connect', payload: { name: 'atlas' } });
    expect(connected.statusCode).toBe(200);
    expect(connected.json().tools).toEqual(
      expect.arrayContaining(['atlas_planet_facts', 'atlas_send_postcard', 'atlas_population_stats']),
    );

    const tools = (await open.app.inject({ method: 'GET', url: '/api/tools' })).json() as {
      name: string;
      side_effecting: boolean;
      category: string;
    }[];
    expect(tools.find((tool) => tool.name === 'atlas_planet_facts')).toMatchObject({
      side_effecting: false,
      category: 'mcp',
    });
    expect(tools.find((tool) => tool.name === 'atlas_send_postcard')).toMatchObject({
      side_effecting: true,
      category: 'mcp',
    });
    const meta = (await open.app.inject({ method: 'GET', url: '/api/meta' })).json();
    expect(meta.mcp.connected).toContain('atlas');

    const invoked = await open.app.inject({
      method: 'POST',
      url: '/api/tools/atlas_planet_facts/invoke',
      payload: { arguments: { planet: 'Jupiter' } },
    });
    expect(invoked.statusCode).toBe(200);
    expect(invoked.json()).toEqual({ name: 'atlas_planet_facts', result: 'Jupiter has 95 known moons.' });
    const sideEffecting = await open.app.inject({
      method: 'POST',
      url: '/api/tools/atlas_send_postcard/invoke',
      payload: { arguments: { recipient: 'Ada', message: 'hi' } },
    });
    expect(sideEffecting.statusCode).toBe(400);
    expect(http.postcards).toEqual([]);

    // A read-only MCP tool runs inline inside a worker. (Phrased for the generalist: roles with a
    // category allow-list do not include MCP tools.)
    const run = await open.riptide.runs.runInteractive({
      task: 'facts about the planet Mars',
      offline: true,
      memory: false,
    });
    expect(run.status).toBe('completed');
    const calls = run.status === 'completed' ? run.results.flatMap((result) => result.tool_calls) : [];
    expect(calls.map((call) => call.name)).toContain('atlas_planet_facts');
    expect(run.status === 'completed' && run.final_answer).toContain('Mars has 2 known moons');

    // A side-effecting one stops for approval, and runs once approved.
    const pending = await open.riptide.runs.runInteractive({
      task: 'send postcard to recipient Ada with a greeting',
      offline: true,
      memory: false,
    });
    expect(pending).toMatchObject({
      status: 'pending_approval',
      action: { type: 'tool_approval', tool: 'atlas_send_postcard' },
    });
    expect(http.postcards).toEqual([]);
    const resumed = await open.riptide.runs.resume(pending.thread_id, { approved: true, answer: null });
    expect(resumed.status).toBe('completed');
    expect(http.postcards).toHaveLength(1);

    const status = await open.app.inject({ method: 'POST', url: '/api/mcp/disconnect', payload: { name: 'atlas' } });
    expect(status.statusCode).toBe(200);
    expect(status.json().servers.find((server: { name: string }) => server.name === 'atlas')).toMatchObject({
      connected: false,
      tools: [],
    });
    const after = (await open.app.inject({ method: 'GET', url: '/api/tools' })).json() as { name: string }[];
    expect(after.some((tool) => tool.name.startsWith('atlas_'))).toBe(false);
    const gone = await open.app.inject({
      method: 'POST',
      url: '/api/tools/atlas_planet_facts/invoke',
      payload: { arguments: { planet: 'Mars' } },
    });
    expect(gone.statusCode).toBe(404);
  }, 60_000);

  it('connects over stdio to server-everything and calls its tools through the API and a run', async () => {
    const connected = await open.app.inject({
      method: 'POST',
      url: '/api/mcp/connect',
      payload: { name: 'everything' },
    });
    expect(connected.statusCode).toBe(200);
    expect(connected.json()).toMatchObject({
      name: 'everything',
      tools: expect.arrayContaining(['every_echo', 'every_get_sum']),
    });

    const sum = await open.app.inject({
      method: 'POST',
      url: '/api/tools/every_get_sum/invoke',
      payload: { arguments: { a: 40, b: 2 } },
    });
    expect(sum.statusCode).toBe(200);
    expect(JSON.stringify(sum.json().result)).toContain('42');
    const badArgs = await open.app.inject({
      method: 'POST',
      url: '/api/tools/every_get_sum/invoke',
      payload: { arguments: { a: 'forty' } },
    });
    expect(badArgs.statusCode).toBe(400);

    const run = await open.riptide.runs.runTask({
      task: 'echo back the input string riptide',
      offline: true,
      memory: false,
    });
    expect(run.results.flatMap((result) => result.tool_calls).map((call) => call.name)).toContain('every_echo');

    await open.app.inject({ method: 'POST', url: '/api/mcp/disconnect', payload: { name: 'everything' } });
    expect(open.riptide.tools.get('every_echo')).toBeUndefined();
  }, 60_000);

  it('answers 404 for names outside the allowlist and 400 with the reason for a failing server', async () => {
    const unknown = await open.app.inject({ method: 'POST', url: '/api/mcp/connect', payload: { name: 'not-listed' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('unknown_mcp_server');

    const failing = await open.app.inject({
      method: 'POST',
      url: '/api/mcp/connect',
      payload: { name: 'exits-at-once' },
    });
    expect(failing.statusCode).toBe(400);
    expect(failing.json()).toMatchObject({ code: 'mcp_connect_failed', detail: expect.stringContaining('no config') });

    const disconnectUnknown = await open.app.inject({
      method: 'POST',
      url: '/api/mcp/disconnect',
      payload: { name: 'nope' },
    });
    expect(disconnectUnknown.statusCode).toBe(404);
  });

  it('never launches a command that is not allowlisted', async () => {
    const launch = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const withCommand = await open.app.inject({
      method: 'POST',
      url: '/api/mcp/connect',
      payload: { name: 'everything', command: process.execPath, args: ['-e', launch] },
    });
    expect(withCommand.statusCode).toBe(422);
    const asName = await open.app.inject({
      method: 'POST',
      url: '/api/mcp/connect',
      payload: { name: `${process.execPath} -e ${launch}` },
    });
    expect(asName.statusCode).toBe(422);
    const asPath = await open.app.inject({
      method: 'POST',
      url: '/api/mcp/connect',
      payload: { name: process.execPath },
    });
    expect(asPath.statusCode).toBe(404);
    expect(fs.existsSync(marker)).toBe(false);
    expect(open.riptide.mcp?.status().servers.every((server) => !server.connected)).toBe(true);
  });

  it('answers 403 while the gate is off', async () => {
    let closed: App | undefined;
    try {
      closed = await startApp({
        RIPTIDE_MCP_SERVERS: JSON.stringify([
          { name: 'atlas', url: http.url, headers: { Authorization: `Bearer ${http.token}` } },
        ]),
      });
      const response = await closed.app.inject({ method: 'POST', url: '/api/mcp/connect', payload: { name: 'atlas' } });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('mcp_disabled');
      expect((await closed.app.inject({ method: 'GET', url: '/api/mcp' })).json()).toMatchObject({
        enabled: false,
        servers: [{ name: 'atlas', connected: false }],
      });
    } finally {
      await stopApp(closed);
    }
  });
});
