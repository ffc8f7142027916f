// Drives the real CLI in child processes: `riptide mcp` with the SDK client over stdio, and
// `riptide mcp-list` against an allowlist.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY_ARGS } from '../test-support/cli-entry.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FRAGILE = fileURLToPath(new URL('./test-support/stdio-mcp-test-server.mjs', import.meta.url));
const CLI = CLI_ENTRY_ARGS;

function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
}

describe('riptide mcp (stdio server)', () => {
  let client: Client;
  let transport: StdioClientTransport;
  const transportErrors: Error[] = [];
  let stderr = '';

  beforeAll(async () => {
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [...CLI, 'mcp'],
      cwd: REPO,
      env: { RIPTIDE_PROVIDER: 'offline', RIPTIDE_DATA_DIR: tempDataDir(), RIPTIDE_LOG_LEVEL: 'info' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    client = new Client({ name: 'riptide-cli-test', version: '0.0.0' });
    // Anything but protocol messages on the child's stdout would surface here as a parse error.
    client.onerror = (error) => transportErrors.push(error);
    await client.connect(transport, { timeout: 120_000 });
  }, 150_000);

  afterAll(async () => {
    await client?.close();
  });

  it('lists run_task, list_tools and the read-only catalog tools only', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toContain('run_task');
    expect(names).toContain('list_tools');
    expect(names).toContain('calculator');
    expect(names).not.toContain('write_note');
    const runTask = tools.find((tool) => tool.name === 'run_task');
    expect(runTask?.inputSchema.required).toEqual(['task']);
    expect(Object.keys(runTask?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['task', 'offline', 'tenant_id', 'single', 'critic', 'react_steps', 'vote_k', 'memory']),
    );
    expect(runTask?.outputSchema?.properties).toHaveProperty('thread_id');
  });

  it('runs a task: the answer as text and a compact RunResult as structured content', async () => {
    const result = await client.callTool(
      { name: 'run_task', arguments: { task: 'compute 21 * 2', offline: true } },
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(result.isError).toBeFalsy();
    const content = result.content as { type: string; text: string }[];
    expect(content[0]?.text).toContain('42');
    expect(result.structuredContent).toMatchObject({
      status: 'completed',
      final_answer: expect.stringContaining('42'),
      tool_calls_valid: expect.any(Number),
      thread_id: expect.any(String),
      metrics: { model_calls: expect.any(Number) },
    });
    expect(result.structuredContent).not.toHaveProperty('trace');
  });

  it('answers list_tools and calls a read-only catalog tool', async () => {
    const listed = await client.callTool({ name: 'list_tools', arguments: {} });
    const tools = (listed.structuredContent as { tools: { name: string; side_effecting: boolean }[] }).tools;
    expect(tools.find((tool) => tool.name === 'calculator')).toMatchObject({ side_effecting: false });
    expect(tools.some((tool) => tool.side_effecting)).toBe(true);

    const sum = await client.callTool({ name: 'calculator', arguments: { expression: '6 * 7' } });
    expect((sum.content as { text: string }[])[0]?.text).toContain('42');
    const bad = await client.callTool({ name: 'calculator', arguments: {} });
    expect(bad.isError).toBe(true);
  });

  it('keeps stdout for protocol messages only', () => {
    expect(transportErrors).toEqual([]);
    expect(stderr).not.toContain('"jsonrpc"');
  });
});

describe('riptide mcp-list', () => {
  const run = promisify(execFile);
  const env = {
    ...process.env,
    RIPTIDE_DATA_DIR: '',
    RIPTIDE_MCP_SERVERS: JSON.stringify([
      { name: 'fragile', command: process.execPath, args: [FRAGILE], env: { FRAGILE_TOKEN: 'never-print-this-value' } },
      { name: 'broken', command: process.execPath, args: ['-e', 'process.exit(2)'], description: 'exits at once' },
    ]),
  };

  beforeAll(() => {
    env.RIPTIDE_DATA_DIR = tempDataDir();
  });

  it('prints the allowlist with each server tools as JSON', async () => {
    const { stdout } = await run(process.execPath, [...CLI, 'mcp-list', '--json'], {
      cwd: REPO,
      env,
      timeout: 120_000,
    });
    expect(stdout).not.toContain('never-print-this-value');
    const listed = JSON.parse(stdout) as {
      name: string;
      ok: boolean;
      error: string | null;
      tools: { name: string; read_only: boolean }[];
    }[];
    expect(listed.map((server) => server.name)).toEqual(['fragile', 'broken']);
    expect(listed[0]).toMatchObject({ ok: true, env_keys: ['FRAGILE_TOKEN'] });
    expect(listed[0].tools).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'fragile_slow_echo', read_only: true }),
        expect.objectContaining({ name: 'fragile_crash_server', read_only: false }),
      ]),
    );
    expect(listed[1]).toMatchObject({ ok: false, error: expect.stringContaining('Connection closed'), tools: [] });
  }, 150_000);

  it('prints a readable listing', async () => {
    const { stdout } = await run(process.execPath, [...CLI, 'mcp-list'], { cwd: REPO, env, timeout: 120_000 });
    expect(stdout).toContain('fragile (stdio)');
    expect(stdout).toContain('fragile_slow_echo [read-only]');
    expect(stdout).toContain('fragile_crash_server [side-effecting]');
    expect(stdout).toMatch(/broken \(stdio\)[\s\S]*unavailable: /);
  }, 150_000);
});
