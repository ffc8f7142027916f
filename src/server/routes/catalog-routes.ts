// The tool and role catalogs: GET /api/tools and GET /api/roles, ranked by the same retriever the
// workers use when `q` is given, filtered by `category`.
import { z } from 'zod';
import { roleDescriptorSchema } from '../../spec/role-descriptor.js';
import { toolDescriptorSchema } from '../../spec/tool-descriptor.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './route-plugin.js';

const catalogQuerySchema = z.object({
  q: z.string().max(1_000).optional().describe('Search text; results are ranked by relevance'),
  category: z.string().max(100).optional().describe('Only this category'),
  limit: z.coerce.number().int().min(1).max(1_000).optional().describe('At most this many (search default 20)'),
});

/** How many ranked results a search returns when no limit is given. */
const SEARCH_DEFAULT_LIMIT = 20;

export const catalogRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/tools',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List or search tools',
        description:
          'Every tool in the registry (including connected MCP tools). With `q`, the tools are ranked by the retriever workers use (BM25 over name, description, tags and example requests, fused with word vectors, which also expand request words the index lacks); `category` filters either way.',
        querystring: catalogQuerySchema,
        response: { 200: z.array(toolDescriptorSchema), ...errorResponses(422) },
      },
    },
    async (request) => {
      const { q, category, limit } = request.query;
      const tools = q?.trim()
        ? riptide.tools.search(q, { category, limit: limit ?? SEARCH_DEFAULT_LIMIT })
        : riptide.tools.list().filter((tool) => !category || tool.category === category);
      return tools.slice(0, limit ?? tools.length).map((tool) => riptide.tools.describe(tool));
    },
  );

  app.get(
    '/api/roles',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List or search roles',
        description:
          'Every role: a system prompt plus a tool allow-list (`tools: null` means every tool). With `q`, the roles are ranked by relevance; `category` filters either way.',
        querystring: catalogQuerySchema,
        response: { 200: z.array(roleDescriptorSchema), ...errorResponses(422) },
      },
    },
    async (request) => {
      const { q, category, limit } = request.query;
      const roles = q?.trim()
        ? riptide.roles.search(q, { category, limit: limit ?? SEARCH_DEFAULT_LIMIT })
        : riptide.roles.list().filter((role) => !category || role.category === category);
      return roles.slice(0, limit ?? roles.length);
    },
  );
};
