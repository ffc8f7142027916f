// Opens an official MCP SDK Client to one allowlisted server entry (stdio child process or streamable
// HTTP), with a connect timeout and a failure reason a person can act on.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpServerConfig } from '../config/config.js';
import { RiptideError } from '../errors/riptide-error.js';
import { redactSecrets, secretValuesOf } from './mcp-server-view.js';

/** How much of a child's stderr is kept to explain a failed connect. */
const STDERR_TAIL_CHARS = 2_000;

export interface OpenMcpClientOptions {
  connectTimeoutMs: number;
  /** Called once when the connection ends without close() being called (server exited, stream closed). */
  onUnexpectedClose?: (reason: string) => void;
  /** The client name announced to the server. */
  clientName?: string;
}

export interface McpClientConnection {
  client: Client;
  /** The last lines the server wrote to stderr (stdio only), secrets redacted. */
  stderrTail(): string;
  close(): Promise<void>;
}

/**
 * Connects to `server`. Throws RiptideError('mcp_connect_failed') with the reason (and the tail of
 * the child's stderr) when the process cannot start, exits, or does not initialize in time.
 */
export async function openMcpClient(
  server: McpServerConfig,
  options: OpenMcpClientOptions,
): Promise<McpClientConnection> {
  const secrets = secretValuesOf(server);
  let stderr = '';
  let transport: Transport;
  if ('command' in server) {
    const stdio = new StdioClientTransport({
      command: server.command,
      args: server.args,
      env: server.env,
      // Piped (not inherited) so a failing server's complaint can be reported, and so a chatty server
      // never writes into our own stderr/stdout.
      stderr: 'pipe',
    });
    stdio.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
    });
    transport = stdio;
  } else {
    transport = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: server.headers },
    });
  }

  const client = new Client({ name: options.clientName ?? 'riptide', version: '0.1.0' });
  let closing = false;
  let closed = false;
  client.onclose = () => {
    closed = true;
    if (closing) return;
    const tail = redactSecrets(stderr.trim(), secrets);
    options.onUnexpectedClose?.(
      tail ? `server closed the connection: ${lastLine(tail)}` : 'server closed the connection',
    );
  };
  // Transport errors (a malformed line, a dropped SSE stream) are not fatal on their own; a dead
  // process also closes the transport, which onclose above handles.
  client.onerror = () => undefined;

  const stderrTail = () => redactSecrets(stderr.trim(), secrets);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(transport, { timeout: options.connectTimeoutMs }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${options.connectTimeoutMs} ms`)),
          options.connectTimeoutMs,
        );
      }),
    ]);
  } catch (error) {
    closing = true;
    await client.close().catch(() => undefined);
    const reason = redactSecrets((error as Error)?.message || String(error), secrets);
    const tail = stderrTail();
    throw new RiptideError(
      'mcp_connect_failed',
      `could not connect to MCP server '${server.name}': ${reason}${tail ? ` — stderr: ${lastLine(tail)}` : ''}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  if (closed) {
    // The process exited right after answering initialize.
    throw new RiptideError('mcp_connect_failed', `MCP server '${server.name}' closed the connection during start-up`);
  }

  return {
    client,
    stderrTail,
    async close() {
      closing = true;
      if (transport instanceof StreamableHTTPClientTransport) {
        // Ends the server-side session politely; servers without sessions answer 405, which is fine.
        await transport.terminateSession().catch(() => undefined);
      }
      await client.close().catch(() => undefined);
    },
  };
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return (lines.at(-1) ?? '').slice(0, 500);
}
