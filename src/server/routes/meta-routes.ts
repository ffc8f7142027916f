// GET /api/meta: what the Studio needs to draw itself — version, run option defaults, models, the
// current connection (key masked), catalog counts and categories, MCP status.
import { PROVIDERS } from '../../spec/connection.js';
import { metaSchema } from '../../spec/meta.js';
import { RUN_OPTION_DEFAULTS } from '../../spec/run-options.js';
import type { RoutePlugin } from './route-plugin.js';

export const metaRoutes: RoutePlugin = async (app, { riptide, version }) => {
  app.get(
    '/api/meta',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Server metadata',
        description: 'Version, run option defaults, models, connection (key masked), catalog summary and MCP status.',
        response: { 200: metaSchema },
      },
    },
    async () => {
      const connection = riptide.models.getConnection();
      const roles = riptide.roles.list();
      const mcp = riptide.mcp?.status();
      return {
        version,
        defaults: RUN_OPTION_DEFAULTS,
        models: riptide.models.listModels(),
        current_model: connection.model,
        providers: [...PROVIDERS],
        tool_count: riptide.tools.list().length,
        role_count: roles.length,
        role_names: roles.map((role) => role.name),
        tool_categories: riptide.tools.categories(),
        role_categories: riptide.roles.categories(),
        connection,
        mcp: {
          enabled: mcp?.enabled ?? riptide.config.mcp.enableConnect,
          connected: mcp?.servers.filter((server) => server.connected).map((server) => server.name) ?? [],
        },
      };
    },
  );
};
