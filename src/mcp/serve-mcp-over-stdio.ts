// Serves an MCP server on this process's stdin/stdout until the host closes stdin or a signal asks
// the process to stop. Nothing but protocol messages may reach stdout while it runs.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

export async function serveMcpOverStdio(
  server: McpServer,
  stdin: NodeJS.ReadableStream = process.stdin,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const transport = new StdioServerTransport(stdin as typeof process.stdin, stdout as typeof process.stdout);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  // The SDK transport does not watch for end of input; a host that closes our stdin is done with us.
  const stop = () => void server.close();
  stdin.once('end', stop);
  stdin.once('close', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await server.connect(transport);
    await closed;
  } finally {
    stdin.off('end', stop);
    stdin.off('close', stop);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * Sends console output to stderr for the rest of the process, so a stray console.log anywhere in
 * the components cannot corrupt the protocol stream. Returns a function that restores it.
 */
export function routeConsoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  return () => {
    console.log = saved.log;
    console.info = saved.info;
    console.debug = saved.debug;
  };
}
