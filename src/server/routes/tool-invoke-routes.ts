// POST /api/tools/{name}/invoke: runs one read-only tool with the workspace context. Side-effecting
// tools only run inside approved runs, never from this path.
import { z } from 'zod';
import { RiptideError } from '../../errors/riptide-error.js';
import { identifierSchema } from '../../spec/identifier.js';
import { tenantWorkspaceDir } from '../../tools/workspace/tenant-workspace.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './route-plugin.js';

export const toolInvokeRoutes: RoutePlugin = async (app, { riptide }) => {
  app.post(
    '/api/tools/:name/invoke',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Invoke a read-only tool',
        description:
          "Validates the arguments against the tool's JSON Schema and runs it. 404 `unknown_tool`, 400 `side_effecting_tool` for tools that write or send, 400 `bad_tool_args` naming the field for invalid arguments or a tool that rejects its input.",
        params: z.object({ name: identifierSchema }),
        body: z.object({
          arguments: z.record(z.string(), z.unknown()).default({}),
          tenant_id: identifierSchema.default('default'),
        }),
        response: {
          200: z.object({ name: z.string(), result: z.unknown() }),
          ...errorResponses(400, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const tool = riptide.tools.get(name);
      if (!tool) throw new RiptideError('unknown_tool', `unknown tool '${name}'`);
      if (tool.side_effecting) {
        throw new RiptideError(
          'side_effecting_tool',
          `tool '${name}' has side effects and only runs inside an approved run, not from the invoke path`,
        );
      }
      const controller = abortOnDisconnect(reply);
      const outcome = await riptide.tools.run(name, request.body.arguments, {
        tenantId: request.body.tenant_id,
        workspaceDir: tenantWorkspaceDir(riptide.config.workspaceDir, request.body.tenant_id),
        signal: controller.signal,
      });
      if (!outcome.ok) {
        // The registry's own messages often name the tool already ("tool 'x' failed: …"); say it once.
        const named = outcome.error.includes(`tool '${name}'`) ? outcome.error : `tool '${name}': ${outcome.error}`;
        throw new RiptideError('bad_tool_args', named);
      }
      return { name, result: outcome.value };
    },
  );
};
