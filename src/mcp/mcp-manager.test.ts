import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpServerConfig } from '../config/config.js';
import { RiptideError } from '../errors/riptide-error.js';
import { createToolRegistry } from '../tools/tool-registry.js';
import type { ToolContext, ToolRegistry } from '../tools/tool-spec.js';
import { createMcpManager } from './mcp-manager.js';
import { type HttpMcpTestServer, startHttpMcpTestServer } from './test-support/http-mcp-test-server.js';

const EVERYTHING = fileURLToPath(
  new URL('../../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url),
);
const FRAGILE = fileURLToPath(new URL('./test-support/stdio-mcp-test-server.mjs', import.meta.url));
const SECRET_ENV_VALUE = 'sekrit-env-value-9431';

function toolContext(): ToolContext {
  return { tenantId: 'default', workspaceDir: '/nonexistent', signal: new AbortController().signal };
}

function newRegistry(): ToolRegistry {
  return createToolRegistry({
    timeoutMs: 20_000,
    tools: [
      {
        name: 'atlas_send_postcard',
        version: '1.0.0',
        description: 'A built-in tool whose name an MCP tool would take',
        category: 'test',
        tags: [],
        json_schema: { type: 'object', properties: {} },
        side_effecting: false,
        handler: () => 'built-in',
      },
    ],
  });
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<RiptideError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(RiptideError.is(error), `expected a RiptideError '${code}', got ${String(error)}`).toBe(true);
  expect((error as RiptideError).code).toBe(code);
  return error as RiptideError;
}

describe('createMcpManager', () => {
  let http: HttpMcpTestServer;
  beforeAll(async () => {
    http = await startHttpMcpTestServer();
  });
  afterAll(async () => {
    await http.close();
  });

  const servers = (): McpServerConfig[] => [
    {
      name: 'everything',
      command: process.execPath,
      args: [EVERYTHING, 'stdio'],
      env: { RIPTIDE_TEST_SECRET: SECRET_ENV_VALUE },
      prefix: 'every',
      description: 'the MCP reference server',
    },
    {
      name: 'atlas',
      url: http.url,
      headers: { Authorization: `Bearer ${http.token}` },
      description: 'geography over HTTP',
    },
    { name: 'atlas-bad-token', url: http.url, headers: { Authorization: 'Bearer wrong-token-123' }, description: '' },
    {
      name: 'exits-at-once',
      command: process.execPath,
      args: ['-e', "process.stderr.write('boom: MISSING_API_KEY is not set\\n'); process.exit(3)"],
      env: {},
      description: '',
    },
    { name: 'no-such-binary', command: '/nonexistent/riptide-mcp-server', args: [], env: {}, description: '' },
    {
      name: 'never-answers',
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      env: {},
      description: '',
    },
    { name: 'fragile', command: process.execPath, args: [FRAGILE], env: {}, prefix: 'frag', description: '' },
  ];

  it('connects over stdio to server-everything and registers its tools with the prefix and annotations', async () => {
    const registry = newRegistry();
    const manager = createMcpManager({ servers: servers(), enableConnect: true, registry });
    try {
      const connected = await manager.connect('everything');
      expect(connected.name).toBe('everything');
      expect(connected.tools).toContain('every_echo');
      expect(connected.tools).toContain('every_get_sum');

      const echo = registry.get('every_echo');
      expect(echo?.category).toBe('mcp');
      expect(echo?.side_effecting).toBe(false);
      expect(echo?.tags).toContain('mcp');
      expect(registry.get('every_toggle_simulated_logging')?.side_effecting).toBe(true);
      expect(registry.get('every_get_sum')?.json_schema).toMatchObject({ type: 'object', required: ['a', 'b'] });

      const sum = await registry.run('every_get_sum', { a: 19, b: 23 }, toolContext());
      expect(sum.ok).toBe(true);
      expect(sum.ok && sum.output).toContain('42');
      const invalid = await registry.run('every_get_sum', { a: 'x' }, toolContext());
      expect(invalid).toMatchObject({ ok: false, kind: 'schema_violation' });

      // The allowlisted env reaches the child, but no status ever shows its value.
      const env = await registry.run('every_get_env', {}, toolContext());
      expect(env.ok && env.output).toContain(SECRET_ENV_VALUE);
      const status = manager.status();
      expect(JSON.stringify(status)).not.toContain(SECRET_ENV_VALUE);
      const entry = status.servers.find((server) => server.name === 'everything');
      expect(entry).toMatchObject({
        connected: true,
        prefix: 'every',
        command: process.execPath,
        env_keys: ['RIPTIDE_TEST_SECRET'],
      });

      // Connecting again is a no-op that reports the same tools.
      expect((await manager.connect('everything')).tools).toEqual(connected.tools);

      const after = await manager.disconnect('everything');
      expect(after.servers.find((server) => server.name === 'everything')).toMatchObject({
        connected: false,
        tools: [],
      });
      expect(registry.get('every_echo')).toBeUndefined();
      expect(registry.list().filter((tool) => tool.category === 'mcp')).toEqual([]);
    } finally {
      await manager.closeAll();
    }
  });

  it('connects over streamable HTTP with the allowlisted headers and maps results and errors', async () => {
    const registry = newRegistry();
    const manager = createMcpManager({ servers: servers(), enableConnect: true, registry });
    try {
      const { tools } = await manager.connect('atlas');
      // The prefix defaults to the server name; the MCP name's '-' becomes '_'.
      expect(tools).toContain('atlas_planet_facts');
      expect(tools).toContain('atlas_population_stats');
      // A built-in keeps its name: the MCP tool that would clash is skipped and reported.
      expect(tools).not.toContain('atlas_send_postcard');
      expect(registry.get('atlas_send_postcard')?.category).toBe('test');
      const status = manager.status().servers.find((server) => server.name === 'atlas');
      expect(status?.skipped_tools).toEqual([{ name: 'send_postcard', reason: expect.stringContaining('built-in') }]);
      expect(status).toMatchObject({ transport: 'http', header_keys: ['Authorization'], connected: true });
      expect(JSON.stringify(manager.status())).not.toContain(http.token);

      expect(registry.get('atlas_planet_facts')?.side_effecting).toBe(false);
      const facts = await registry.run('atlas_planet_facts', { planet: 'Mars' }, toolContext());
      expect(facts).toMatchObject({ ok: true, output: 'Mars has 2 known moons.' });

      const failed = await registry.run('atlas_planet_facts', { planet: 'Vulcan' }, toolContext());
      expect(failed).toMatchObject({ ok: false, kind: 'tool_error' });
      expect(!failed.ok && failed.error).toContain('unknown planet: Vulcan');

      const structured = await registry.run('atlas_population_stats', { city: 'Paris' }, toolContext());
      expect(structured.ok && JSON.parse(structured.output)).toEqual({ city: 'Paris', population: 2_100_000 });

      await manager.disconnect('atlas');
      expect(registry.get('atlas_planet_facts')).toBeUndefined();
    } finally {
      await manager.closeAll();
    }
  });

  it('registers side-effecting HTTP tools when nothing clashes', async () => {
    const registry = createToolRegistry({ tools: [], timeoutMs: 20_000 });
    const manager = createMcpManager({ servers: servers(), enableConnect: true, registry });
    try {
      await manager.connect('atlas');
      expect(registry.get('atlas_send_postcard')?.side_effecting).toBe(true);
      const sent = await registry.run('atlas_send_postcard', { recipient: 'Ada', message: 'hi' }, toolContext());
      expect(sent).toMatchObject({ ok: true, output: 'postcard sent to Ada' });
      expect(http.postcards).toContain('Ada: hi');
    } finally {
      await manager.closeAll();
    }
    expect(registry.list()).toEqual([]);
  });

  it('refuses when the gate is off and for names outside the allowlist, launching nothing', async () => {
    const registry = newRegistry();
    const closed = createMcpManager({ servers: servers(), enableConnect: false, registry });
    await expectCode(closed.connect('everything'), 'mcp_disabled');
    expect(closed.status()).toMatchObject({ enabled: false });
    expect(closed.status().servers.every((server) => !server.connected)).toBe(true);

    const open = createMcpManager({ servers: servers(), enableConnect: true, registry });
    await expectCode(open.connect('not-listed'), 'unknown_mcp_server');
    await expectCode(open.connect(process.execPath), 'unknown_mcp_server');
    await expectCode(open.disconnect('not-listed'), 'unknown_mcp_server');
  });

  it('reports why a connect failed, with the server stderr, and keeps the registry clean', async () => {
    const registry = newRegistry();
    const manager = createMcpManager({ servers: servers(), enableConnect: true, registry, connectTimeoutMs: 10_000 });
    const exited = await expectCode(manager.connect('exits-at-once'), 'mcp_connect_failed');
    expect(exited.message).toContain('exits-at-once');
    expect(exited.message).toContain('boom: MISSING_API_KEY is not set');
    expect(manager.status().servers.find((server) => server.name === 'exits-at-once')).toMatchObject({
      connected: false,
      state: 'failed',
      error: expect.stringContaining('boom'),
    });

    const silent = createMcpManager({ servers: servers(), enableConnect: true, registry, connectTimeoutMs: 1_000 });
    const started = Date.now();
    const timedOut = await expectCode(silent.connect('never-answers'), 'mcp_connect_failed');
    expect(timedOut.message).toMatch(/timed out|no answer within/i);
    expect(Date.now() - started).toBeLessThan(8_000);

    const missing = await expectCode(manager.connect('no-such-binary'), 'mcp_connect_failed');
    expect(missing.message).toMatch(/ENOENT/);

    const unauthorized = await expectCode(manager.connect('atlas-bad-token'), 'mcp_connect_failed');
    expect(unauthorized.message).not.toContain('wrong-token-123');
    expect(registry.list().filter((tool) => tool.category === 'mcp')).toEqual([]);
  });

  it('times out slow calls, maps isError, and drops the tools of a server that dies', async () => {
    const registry = newRegistry();
    const manager = createMcpManager({ servers: servers(), enableConnect: true, registry, callTimeoutMs: 1_500 });
    try {
      await manager.connect('fragile');
      expect(await registry.run('frag_slow_echo', { text: 'quick', wait_ms: 0 }, toolContext())).toMatchObject({
        ok: true,
        output: 'quick',
      });
      const slow = await registry.run('frag_slow_echo', { text: 'late', wait_ms: 5_000 }, toolContext());
      expect(slow).toMatchObject({ ok: false, kind: 'tool_error' });
      expect(!slow.ok && slow.error).toMatch(/timed out/i);

      const jammed = await registry.run('frag_always_fails', {}, toolContext());
      expect(!jammed.ok && jammed.error).toContain('the widget is jammed');

      const crash = await registry.run('frag_crash_server', {}, toolContext());
      expect(crash.ok).toBe(false);
      await expect
        .poll(() => manager.status().servers.find((server) => server.name === 'fragile')?.state)
        .toBe('failed');
      const status = manager.status().servers.find((server) => server.name === 'fragile');
      expect(status).toMatchObject({
        connected: false,
        tools: [],
        error: expect.stringContaining('crashing on purpose'),
      });
      expect(registry.get('frag_slow_echo')).toBeUndefined();

      // A failed server can be connected again.
      expect((await manager.connect('fragile')).tools).toContain('frag_slow_echo');
    } finally {
      await manager.closeAll();
    }
  });
});
