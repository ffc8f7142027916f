// MCP routes: GET /api/mcp (allowlist and connections), POST /api/mcp/connect and /disconnect. A
// request only ever names an allowlisted server, so no command or URL can come from the browser.

import { RiptideError } from '../../errors/riptide-error.js';
import type { McpStatus } from '../../mcp/mcp-manager.js';
import { mcpConnectResultSchema, mcpServerNameBodySchema, mcpStatusSchema } from '../../spec/mcp-status.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './route-plugin.js';

/** The answer when the components were built without an MCP manager. */
const NO_MCP: McpStatus = { enabled: false, servers: [] };

export const mcpRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/mcp',
    {
      schema: {
        tags: ['mcp'],
        summary: 'MCP allowlist and connections',
        description:
          'Every server in RIPTIDE_MCP_SERVERS with its prefix, what it launches or reaches, whether it is connected and the registry names of its tools. Env and header values are never shown.',
        response: { 200: mcpStatusSchema },
      },
    },
    async () => riptide.mcp?.status() ?? NO_MCP,
  );

  app.post(
    '/api/mcp/connect',
    {
      schema: {
        tags: ['mcp'],
        summary: 'Connect an allowlisted MCP server',
        description:
          'Connects the named server from RIPTIDE_MCP_SERVERS and adds its tools to the registry. 403 while RIPTIDE_ENABLE_MCP_CONNECT is off, 404 for a name outside the allowlist, 400 with the reason when connecting fails.',
        body: mcpServerNameBodySchema,
        response: { 200: mcpConnectResultSchema, ...errorResponses(400, 403, 404, 422) },
      },
    },
    async (request) => {
      if (!riptide.mcp) {
        throw new RiptideError('mcp_disabled', 'MCP is not available in this server');
      }
      return riptide.mcp.connect(request.body.name);
    },
  );

  app.post(
    '/api/mcp/disconnect',
    {
      schema: {
        tags: ['mcp'],
        summary: 'Disconnect an MCP server',
        description:
          "Closes the connection and removes the server's tools from the registry; answers the /api/mcp status.",
        body: mcpServerNameBodySchema,
        response: { 200: mcpStatusSchema, ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      if (!riptide.mcp) {
        throw new RiptideError(
          'unknown_mcp_server',
          `no MCP server named '${request.body.name}' in RIPTIDE_MCP_SERVERS`,
        );
      }
      return riptide.mcp.disconnect(request.body.name);
    },
  );
};
