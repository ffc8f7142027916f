// Registers every tool an MCP server offers as an ordinary ToolSpec in the registry's dynamic part,
// so retrieval, workers, approvals, the HTTP tool runner and workflows treat it like any other tool.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { JsonSchema, ToolRegistry, ToolSpec } from '../tools/tool-spec.js';
import { mcpToolOutput } from './mcp-tool-output.js';

export const MCP_TOOL_CATEGORY = 'mcp';

/** Most model APIs cap tool names at 64 characters. */
const MAX_TOOL_NAME_LENGTH = 64;

export interface RegisterMcpToolsOptions {
  /** Put before each tool name, joined with `_` ('' for none). */
  prefix: string;
  /** Who owns the tools in the registry; removeDynamic(owner) takes them all out again. */
  owner: string;
  /** Limit for each tools/call round trip. */
  callTimeoutMs: number;
  /** Extra tags for retrieval (the category and 'mcp' are always added). */
  tags?: string[];
}

export interface SkippedMcpTool {
  mcpName: string;
  reason: string;
}

export interface RegisteredMcpTools {
  tools: RegisteredMcpTool[];
  /** Tools left out: a name clash after sanitizing or with a built-in, or a schema the registry refuses. */
  skipped: SkippedMcpTool[];
}

export interface RegisteredMcpTool {
  /** The registry name (prefixed, sanitized). */
  name: string;
  /** The name the MCP server knows it by. */
  mcpName: string;
  side_effecting: boolean;
}

/** `prefix_tool`, reduced to [A-Za-z0-9_] and 64 characters. */
export function mcpToolName(prefix: string, toolName: string): string {
  const joined = prefix === '' || prefix.endsWith('_') ? `${prefix}${toolName}` : `${prefix}_${toolName}`;
  return joined.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_TOOL_NAME_LENGTH);
}

/** Lists the server's tools (all pages) and adds each to the registry; returns what was added. */
export async function registerMcpTools(
  registry: ToolRegistry,
  client: Client,
  options: RegisterMcpToolsOptions,
): Promise<RegisteredMcpTools> {
  const tools = await listMcpTools(client, options.callTimeoutMs);
  const version = toolVersion(client.getServerVersion()?.version);
  const added: RegisteredMcpTool[] = [];
  const skipped: SkippedMcpTool[] = [];
  const taken = new Set<string>();
  for (const tool of tools) {
    const name = mcpToolName(options.prefix, tool.name);
    // Sanitizing can make two MCP names collide; the first keeps the name, never shadowing another.
    if (taken.has(name)) {
      skipped.push({ mcpName: tool.name, reason: `its name '${name}' is taken by another tool of this server` });
      continue;
    }
    const spec = toToolSpec(client, tool, name, version, options);
    try {
      // Refuses clashes with built-ins or other servers and schemas that do not compile.
      registry.addDynamic(spec, options.owner);
    } catch (error) {
      skipped.push({ mcpName: tool.name, reason: (error as Error).message });
      continue;
    }
    taken.add(name);
    added.push({ name, mcpName: tool.name, side_effecting: spec.side_effecting });
  }
  return { tools: added, skipped };
}

/** Every tool the server offers, following pagination cursors. */
export async function listMcpTools(client: Client, timeoutMs: number): Promise<Tool[]> {
  if (!client.getServerCapabilities()?.tools) return [];
  const tools: Tool[] = [];
  let cursor: string | undefined;
  // Bounded so a server that keeps handing out cursors cannot hang the connect.
  for (let page = 0; page < 100; page += 1) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

function toToolSpec(
  client: Client,
  tool: Tool,
  name: string,
  version: string,
  options: RegisterMcpToolsOptions,
): ToolSpec<Record<string, unknown>> {
  const title = tool.title ?? tool.annotations?.title;
  const description = [tool.description?.trim(), title && !tool.description?.includes(title) ? `(${title})` : '']
    .filter(Boolean)
    .join(' ');
  return {
    name,
    version,
    description: description || `MCP tool ${tool.name}`,
    category: MCP_TOOL_CATEGORY,
    tags: [...new Set([MCP_TOOL_CATEGORY, options.prefix.replace(/_+$/, ''), ...(options.tags ?? [])])].filter(Boolean),
    json_schema: inputSchemaOf(tool),
    // Only the server's explicit promise makes a tool safe to run without approval.
    side_effecting: tool.annotations?.readOnlyHint !== true,
    async handler(args, context) {
      const result = await client.callTool({ name: tool.name, arguments: args ?? {} }, undefined, {
        timeout: options.callTimeoutMs,
        signal: context.signal,
      });
      return mcpToolOutput(result);
    },
  };
}

function inputSchemaOf(tool: Tool): JsonSchema {
  // Passed through untouched (the registry picks the ajv dialect from `$schema`).
  return { ...(tool.inputSchema as JsonSchema), type: 'object' };
}

function toolVersion(serverVersion: string | undefined): string {
  return serverVersion && /^\d+\.\d+\.\d+/.test(serverVersion) ? serverVersion : '1.0.0';
}
