// `riptide mcp` serves riptide as an MCP server over stdio (for desktop assistants and IDEs);
// `riptide mcp-list` shows the RIPTIDE_MCP_SERVERS allowlist and the tools each server offers.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { McpServerConfig } from '../../config/config.js';
import type { describeMcpServer } from '../../mcp/mcp-server-view.js';
import type { CliContext } from '../cli-context.js';
import { integerArgument } from '../number-arguments.js';

interface ListedTool {
  name: string;
  mcp_name: string;
  read_only: boolean;
  description: string;
}

interface ListedServer extends ReturnType<typeof describeMcpServer> {
  ok: boolean;
  error: string | null;
  tools: ListedTool[];
}

export function registerMcpCommand(program: Command, context: CliContext): void {
  program
    .command('mcp')
    .description('serve riptide as an MCP server over stdio (run_task, list_tools and the read-only tools)')
    .option(
      '--auto-approve',
      'let run_task use side-effecting tools without asking (default: ask the client through elicitation, else deny)',
    )
    .action(async (options: { autoApprove?: boolean }) => {
      const [{ createRiptideMcpServer }, { routeConsoleToStderr, serveMcpOverStdio }] = await Promise.all([
        import('../../mcp/riptide-mcp-server.js'),
        import('../../mcp/serve-mcp-over-stdio.js'),
      ]);
      // stdout carries protocol messages only; everything else goes to stderr.
      routeConsoleToStderr();
      const riptide = await context.open();
      await serveMcpOverStdio(
        createRiptideMcpServer(riptide, { version: packageVersion(), autoApprove: options.autoApprove === true }),
      );
    });

  program
    .command('mcp-list')
    .description('show the RIPTIDE_MCP_SERVERS allowlist and, for each server, the tools it offers')
    .option('--json', 'print JSON instead of text')
    .option('--timeout <ms>', 'connect timeout per server', integerArgument(1, 3_600_000), 20_000)
    .action(async (options: { json?: boolean; timeout: number }) => {
      const servers = context.config().mcp.servers;
      const listed: ListedServer[] = [];
      // One at a time: each may start a process, and the output reads in allowlist order.
      for (const server of servers) listed.push(await listServer(server, options.timeout));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
        return;
      }
      process.stdout.write(formatListing(listed));
    });
}

async function listServer(server: McpServerConfig, timeoutMs: number): Promise<ListedServer> {
  const [{ describeMcpServer, mcpToolPrefix }, { openMcpClient }, { listMcpTools, mcpToolName }] = await Promise.all([
    import('../../mcp/mcp-server-view.js'),
    import('../../mcp/open-mcp-client.js'),
    import('../../mcp/register-mcp-tools.js'),
  ]);
  const description = describeMcpServer(server);
  try {
    const connection = await openMcpClient(server, { connectTimeoutMs: timeoutMs, clientName: 'riptide-mcp-list' });
    try {
      const tools = await listMcpTools(connection.client, timeoutMs);
      return {
        ...description,
        ok: true,
        error: null,
        tools: tools.map((tool) => ({
          name: mcpToolName(mcpToolPrefix(server), tool.name),
          mcp_name: tool.name,
          read_only: tool.annotations?.readOnlyHint === true,
          description: tool.description ?? '',
        })),
      };
    } finally {
      await connection.close();
    }
  } catch (error) {
    return { ...description, ok: false, error: (error as Error)?.message ?? String(error), tools: [] };
  }
}

function formatListing(servers: ListedServer[]): string {
  if (servers.length === 0) {
    return 'No MCP servers are allowlisted. Set RIPTIDE_MCP_SERVERS to a JSON list of {name, command, args, env} or {name, url, headers}.\n';
  }
  const lines: string[] = [];
  for (const server of servers) {
    const target = server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url;
    lines.push(`${server.name} (${server.transport}) ${target}`);
    if (server.description) lines.push(`  ${server.description}`);
    if (!server.ok) {
      lines.push(`  unavailable: ${server.error}`, '');
      continue;
    }
    lines.push(`  ${server.tools.length} tool${server.tools.length === 1 ? '' : 's'}:`);
    for (const tool of server.tools) {
      const kind = tool.read_only ? 'read-only' : 'side-effecting';
      lines.push(`    ${tool.name} [${kind}]${tool.description ? ` ${tool.description}` : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function packageVersion(): string {
  try {
    const text = fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
