// Connects allowlisted MCP servers on request (behind the RIPTIDE_ENABLE_MCP_CONNECT gate), keeps
// their tools in the registry's dynamic part while connected, and drops them when a server goes away.
// The MCP SDK is imported on the first connect: a process that never connects one never loads it.
import type { McpServerConfig } from '../config/config.js';
import { RiptideError } from '../errors/riptide-error.js';
import type { ToolRegistry } from '../tools/tool-spec.js';
import { describeMcpServer, type McpServerDescription, mcpToolPrefix } from './mcp-server-view.js';
import type { McpClientConnection } from './open-mcp-client.js';
import { registerMcpTools, type SkippedMcpTool } from './register-mcp-tools.js';

export type McpConnectionState = 'disconnected' | 'connecting' | 'connected' | 'failed';

export interface McpServerStatus extends McpServerDescription {
  connected: boolean;
  state: McpConnectionState;
  /** Why the last connect failed or the connection was lost; null otherwise. Never holds secrets. */
  error: string | null;
  /** Registry names of the server's tools while connected. */
  tools: string[];
  /** Tools the server offers that were left out, with why (name clash, schema the registry refuses). */
  skipped_tools: { name: string; reason: string }[];
}

export interface McpStatus {
  enabled: boolean;
  servers: McpServerStatus[];
}

export interface McpConnectResult {
  name: string;
  tools: string[];
}

export interface McpManager {
  status(): McpStatus;
  /** Connects an allowlisted server and registers its tools; connecting a connected server is a no-op. */
  connect(name: string): Promise<McpConnectResult>;
  /** Closes the connection and removes its tools; returns the new status. */
  disconnect(name: string): Promise<McpStatus>;
  closeAll(): Promise<void>;
}

export interface McpManagerOptions {
  /** The allowlist (RIPTIDE_MCP_SERVERS): the only servers that can ever be launched or reached. */
  servers: readonly McpServerConfig[];
  /** RIPTIDE_ENABLE_MCP_CONNECT: without it connect() refuses with `mcp_disabled`. */
  enableConnect: boolean;
  registry: ToolRegistry;
  connectTimeoutMs?: number;
  callTimeoutMs?: number;
}

interface ServerEntry {
  config: McpServerConfig;
  owner: string;
  state: McpConnectionState;
  error: string | null;
  tools: string[];
  skipped: SkippedMcpTool[];
  connection: McpClientConnection | null;
  pending: Promise<McpConnectResult> | null;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const DEFAULT_CALL_TIMEOUT_MS = 60_000;

export function createMcpManager(options: McpManagerOptions): McpManager {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const entries = new Map<string, ServerEntry>();
  for (const config of options.servers) {
    entries.set(config.name, {
      config,
      owner: `mcp:${config.name}`,
      state: 'disconnected',
      error: null,
      tools: [],
      skipped: [],
      connection: null,
      pending: null,
    });
  }

  function entryFor(name: string): ServerEntry {
    const entry = entries.get(name);
    if (!entry) throw new RiptideError('unknown_mcp_server', `no MCP server named '${name}' in RIPTIDE_MCP_SERVERS`);
    return entry;
  }

  function status(): McpStatus {
    return {
      enabled: options.enableConnect,
      servers: [...entries.values()].map((entry) => ({
        ...describeMcpServer(entry.config),
        connected: entry.state === 'connected',
        state: entry.state,
        error: entry.error,
        tools: [...entry.tools],
        skipped_tools: entry.skipped.map((tool) => ({ name: tool.mcpName, reason: tool.reason })),
      })),
    };
  }

  async function open(entry: ServerEntry): Promise<McpConnectResult> {
    let connection: McpClientConnection | null = null;
    const lost = (reason: string) => {
      // A late close from a connection that was already replaced or closed must not touch the new one.
      if (entry.connection !== connection) return;
      options.registry.removeDynamic(entry.owner);
      entry.connection = null;
      entry.tools = [];
      entry.skipped = [];
      entry.state = 'failed';
      entry.error = reason;
    };
    const { openMcpClient } = await import('./open-mcp-client.js');
    connection = await openMcpClient(entry.config, { connectTimeoutMs, onUnexpectedClose: (reason) => lost(reason) });
    try {
      options.registry.removeDynamic(entry.owner);
      const added = await registerMcpTools(options.registry, connection.client, {
        prefix: mcpToolPrefix(entry.config),
        owner: entry.owner,
        callTimeoutMs,
        tags: [entry.config.name],
      });
      entry.connection = connection;
      entry.tools = added.tools.map((tool) => tool.name);
      entry.skipped = added.skipped;
      entry.state = 'connected';
      entry.error = null;
      return { name: entry.config.name, tools: [...entry.tools] };
    } catch (error) {
      options.registry.removeDynamic(entry.owner);
      await connection.close();
      throw RiptideError.is(error)
        ? error
        : new RiptideError(
            'mcp_connect_failed',
            `MCP server '${entry.config.name}' failed to list its tools: ${(error as Error)?.message ?? String(error)}`,
            { cause: error },
          );
    }
  }

  async function close(entry: ServerEntry): Promise<void> {
    if (entry.pending) await entry.pending.catch(() => undefined);
    const connection = entry.connection;
    entry.connection = null;
    options.registry.removeDynamic(entry.owner);
    entry.tools = [];
    entry.skipped = [];
    entry.state = 'disconnected';
    entry.error = null;
    await connection?.close();
  }

  return {
    status,

    async connect(name) {
      if (!options.enableConnect) {
        throw new RiptideError('mcp_disabled', 'connecting MCP servers is disabled; set RIPTIDE_ENABLE_MCP_CONNECT=1');
      }
      const entry = entryFor(name);
      if (entry.state === 'connected') return { name, tools: [...entry.tools] };
      if (entry.pending) return entry.pending;
      entry.state = 'connecting';
      entry.error = null;
      entry.pending = open(entry)
        .catch((error: unknown) => {
          entry.state = 'failed';
          entry.error = (error as Error)?.message ?? String(error);
          throw error;
        })
        .finally(() => {
          entry.pending = null;
        });
      return entry.pending;
    },

    async disconnect(name) {
      await close(entryFor(name));
      return status();
    },

    async closeAll() {
      await Promise.all([...entries.values()].map((entry) => close(entry)));
    },
  };
}
