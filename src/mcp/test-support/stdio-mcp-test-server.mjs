// A real stdio MCP server for tests (plain ESM so `node` runs it directly): a tool that answers slowly,
// one that makes the process die, and one that reports an error.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'fragile-test-server', version: '0.9.0' });

server.registerTool(
  'slow_echo',
  {
    description: 'Echo a text back after waiting some milliseconds',
    inputSchema: { text: z.string(), wait_ms: z.number().int().min(0) },
    annotations: { readOnlyHint: true },
  },
  async ({ text, wait_ms }) => {
    await new Promise((resolve) => setTimeout(resolve, wait_ms));
    return { content: [{ type: 'text', text }] };
  },
);

server.registerTool(
  'crash_server',
  { description: 'Make the server process exit at once', inputSchema: {} },
  async () => {
    process.stderr.write('fragile-test-server: crashing on purpose\n');
    process.exit(7);
  },
);

server.registerTool(
  'always_fails',
  { description: 'Report a tool error', inputSchema: {}, annotations: { readOnlyHint: true } },
  async () => ({ isError: true, content: [{ type: 'text', text: 'the widget is jammed' }] }),
);

await server.connect(new StdioServerTransport());
