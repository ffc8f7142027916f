// The riptide MCP server in-process, over the SDK's in-memory transport pair, with real components.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';
import { createRiptideMcpServer } from './riptide-mcp-server.js';

const FRAGILE = fileURLToPath(new URL('./test-support/stdio-mcp-test-server.mjs', import.meta.url));

describe('createRiptideMcpServer', () => {
  let riptide: Riptide;
  let client: Client;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    riptide = await createRiptide(
      loadConfig({
        RIPTIDE_PROVIDER: 'offline',
        RIPTIDE_DATA_DIR: dataDir,
        RIPTIDE_ENABLE_MCP_CONNECT: '1',
        RIPTIDE_MCP_SERVERS: JSON.stringify([{ name: 'fragile', command: process.execPath, args: [FRAGILE] }]),
      }),
    );
    // Connected MCP tools must not be re-exported by riptide's own server.
    await riptide.mcp?.connect('fragile');
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createRiptideMcpServer(riptide).connect(serverSide);
    client = new Client({ name: 'in-memory-test', version: '0.0.0' });
    await client.connect(clientSide);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await riptide?.close();
  });

  it('exposes each read-only catalog tool with its JSON Schema, and no side-effecting or MCP tools', async () => {
    const { tools } = await client.listTools();
    const listed = new Map(tools.map((tool) => [tool.name, tool]));
    const catalog = riptide.tools.list();
    for (const tool of catalog.filter((spec) => !spec.side_effecting && spec.category !== 'mcp')) {
      const exposed = listed.get(tool.name);
      expect(exposed, tool.name).toBeDefined();
      expect(exposed?.annotations?.readOnlyHint).toBe(true);
      // The listed schema is the catalog's, re-expressed through zod (which may add an equivalent
      // `pattern` for a `format`): every property keeps its type, description, bounds and default.
      const schema = (exposed?.inputSchema ?? {}) as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const original = (tool.json_schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      expect(Object.keys(properties).sort(), tool.name).toEqual(Object.keys(original).sort());
      for (const [key, property] of Object.entries(original)) {
        expect(properties[key], `${tool.name}.${key}`).toMatchObject(property);
      }
      expect(schema.required ?? [], tool.name).toEqual(tool.json_schema.required ?? []);
    }
    for (const tool of catalog.filter((spec) => spec.side_effecting || spec.category === 'mcp')) {
      expect(listed.has(tool.name), tool.name).toBe(false);
    }
    expect(catalog.some((tool) => tool.name === 'fragile_slow_echo')).toBe(true);
    expect(listed.has('fragile_slow_echo')).toBe(false);
  });

  it('rejects run_task input outside the run option limits', async () => {
    const result = await client.callTool({ name: 'run_task', arguments: { task: 'compute 1 + 1', react_steps: 99 } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('react_steps');
  });

  it('returns a compact RunResult that matches the run stored by the service', async () => {
    const result = await client.callTool({
      name: 'run_task',
      arguments: { task: 'compute 12 plus 30', offline: true },
    });
    const compact = result.structuredContent as { thread_id: string; final_answer: string; plan: string[] };
    expect(compact.final_answer).toContain('42');
    const stored = await riptide.runs.getRun(compact.thread_id);
    expect(stored).toMatchObject({ status: 'completed', final_answer: compact.final_answer, plan: compact.plan });
  });

  it('filters list_tools by category', async () => {
    const result = await client.callTool({ name: 'list_tools', arguments: { category: 'mcp' } });
    const tools = (result.structuredContent as { tools: { name: string }[] }).tools.map((tool) => tool.name);
    expect(tools).toEqual(['fragile_always_fails', 'fragile_crash_server', 'fragile_slow_echo']);
  });
});
