// The zod shape of the MCP status (GET /api/mcp and the disconnect answer), so the route's OpenAPI
// description and its serialisation come from one place.
import { z } from 'zod';

export const mcpServerStatusSchema = z.object({
  name: z.string(),
  prefix: z.string().describe("Put before each of the server's tool names in the registry"),
  description: z.string(),
  transport: z.enum(['stdio', 'http']),
  command: z.string().describe('The executable (stdio) or the URL without credentials and query (http)'),
  args: z.array(z.string()),
  url: z.string().nullable(),
  env_keys: z
    .array(z.string())
    .describe('Names of the environment variables set for the server (values are never shown)'),
  header_keys: z.array(z.string()).describe('Names of the HTTP headers sent to the server (values are never shown)'),
  connected: z.boolean(),
  state: z.enum(['disconnected', 'connecting', 'connected', 'failed']),
  error: z.string().nullable().describe('Why the last connect failed or the connection was lost'),
  tools: z.array(z.string()).describe('Registry names of its tools while connected'),
  skipped_tools: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export type McpServerStatus = z.infer<typeof mcpServerStatusSchema>;

export const mcpStatusSchema = z.object({
  enabled: z.boolean().describe('Whether RIPTIDE_ENABLE_MCP_CONNECT opens the connect route'),
  servers: z.array(mcpServerStatusSchema).describe('The RIPTIDE_MCP_SERVERS allowlist'),
});

export type McpStatus = z.infer<typeof mcpStatusSchema>;

export const mcpConnectResultSchema = z.object({
  name: z.string(),
  tools: z.array(z.string()),
});

/** A connect/disconnect request names an allowlisted server; nothing else can be sent. */
export const mcpServerNameBodySchema = z
  .object({ name: z.string().min(1).max(64).describe('A server name from RIPTIDE_MCP_SERVERS') })
  .strict();
