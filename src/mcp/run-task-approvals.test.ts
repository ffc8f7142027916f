// run_task over MCP never runs a side-effecting tool unapproved: driven with the SDK's own client,
// with elicitation (approve, decline), without it (denied and told), and with --auto-approve.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';
import { createRiptideMcpServer, type RiptideMcpServerOptions } from './riptide-mcp-server.js';

interface Session {
  riptide: Riptide;
  client: Client;
  asked: string[];
  files(): string[];
}

const open: Session[] = [];

async function connect(
  serverOptions: RiptideMcpServerOptions,
  elicit?: (message: string) => ElicitResult,
): Promise<Session> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  const riptide = await createRiptide(loadConfig({ RIPTIDE_PROVIDER: 'offline', RIPTIDE_DATA_DIR: dataDir }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createRiptideMcpServer(riptide, serverOptions).connect(serverSide);
  const client = new Client(
    { name: 'approval-test', version: '0.0.0' },
    elicit ? { capabilities: { elicitation: {} } } : undefined,
  );
  const asked: string[] = [];
  if (elicit) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params.message);
      return elicit(request.params.message);
    });
  }
  await client.connect(clientSide);
  const session: Session = {
    riptide,
    client,
    asked,
    files: () =>
      fs
        .readdirSync(riptide.config.workspaceDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')),
  };
  open.push(session);
  return session;
}

afterEach(async () => {
  for (const session of open.splice(0)) {
    await session.client.close();
    await session.riptide.close();
  }
});

const saveWater = { name: 'run_task', arguments: { task: 'save a note about water', offline: true } };

describe('run_task approvals over MCP', () => {
  it('asks a client that supports elicitation, and runs the tool once it is allowed', async () => {
    const session = await connect({}, () => ({ action: 'accept', content: { approve: true } }));
    const result = await session.client.callTool(saveWater);
    expect(session.asked).toHaveLength(1);
    expect(session.asked[0]).toContain('write_note');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      status: 'completed',
      approvals: [{ tool: 'write_note', decision: 'approved', by: 'client' }],
    });
    expect(session.files()).toHaveLength(1);
    expect(session.files()[0]).toContain('water');
  });

  it('does not run the tool when the user declines', async () => {
    const session = await connect({}, () => ({ action: 'decline' }));
    const result = await session.client.callTool(saveWater);
    expect(session.asked).toHaveLength(1);
    expect(result.structuredContent).toMatchObject({
      approvals: [{ tool: 'write_note', decision: 'denied', by: 'client' }],
    });
    expect(JSON.stringify(result.content)).toContain('the user declined');
    expect(session.files()).toEqual([]);
  });

  it('denies side effects for a client without elicitation, and says so in the result', async () => {
    const session = await connect({});
    const result = await session.client.callTool(saveWater);
    expect(result.structuredContent).toMatchObject({
      approvals: [{ tool: 'write_note', decision: 'denied', by: 'policy' }],
    });
    const text = JSON.stringify(result.content);
    expect(text).toContain('cannot be asked for approval');
    expect(text).toContain('--auto-approve');
    expect(session.files()).toEqual([]);
    // Read-only work still runs.
    const arithmetic = await session.client.callTool({
      name: 'run_task',
      arguments: { task: 'compute 21 * 2', offline: true },
    });
    expect(arithmetic.structuredContent).toMatchObject({ status: 'completed', approvals: [] });
    expect(JSON.stringify(arithmetic.content)).toContain('42');
  });

  it('runs side effects without asking only with --auto-approve', async () => {
    const session = await connect({ autoApprove: true }, () => ({ action: 'decline' }));
    const result = await session.client.callTool(saveWater);
    expect(session.asked).toEqual([]);
    expect(result.structuredContent).toMatchObject({ status: 'completed', approvals: [] });
    expect(session.files()).toHaveLength(1);
  });

  it('annotates every exposed tool and describes every input property', async () => {
    const session = await connect({});
    const { tools } = await session.client.listTools();
    expect(tools.length).toBeGreaterThan(150);
    for (const tool of tools) {
      expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
      expect(typeof tool.annotations?.destructiveHint, tool.name).toBe('boolean');
      expect(typeof tool.annotations?.openWorldHint, tool.name).toBe('boolean');
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, property] of Object.entries(properties)) {
        expect(property.description, `${tool.name}.${name}`).toMatch(/\S/);
      }
    }
    const runTask = tools.find((tool) => tool.name === 'run_task');
    expect(runTask?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, openWorldHint: true });
    expect(Object.keys(runTask?.inputSchema.properties ?? {})).toHaveLength(11);
  });
});
