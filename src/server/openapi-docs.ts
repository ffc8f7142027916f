// The OpenAPI 3.1 document (generated from the routes' zod schemas) at /openapi.json and the
// interactive docs UI at /docs, whose assets are served from the local package, not a CDN.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { applyOpenApiLintFixes } from './openapi-lint-fixes.js';
import { addOpenApiSecurity } from './openapi-security.js';

const API_DESCRIPTION = `The riptide agent server: run tasks through a durable multi-agent graph, stream them, pause for
human approval and resume, keep sessions, search the tool and role catalog, see costs, and call it
through an OpenAI-compatible endpoint.

**Security:** the server is unauthenticated by default and meant for local or trusted use. It binds
127.0.0.1 unless told otherwise; put an authenticating reverse proxy in front of it before exposing
it to a network.

Errors are \`{"detail", "code"}\` with a stable \`code\` (\`validation_error\` 422, \`budget_exceeded\` 402,
\`bad_tool_args\` / \`side_effecting_tool\` / \`resume_error\` 400, \`unknown_tool\` / \`unknown_run\` /
\`not_found\` 404). Under \`/v1\` errors use OpenAI's \`{"error": {"message", "type", "param", "code"}}\`
shape and request validation is 400. SSE routes send \`data: <json>\` frames with an \`event\` field,
\`: ping\` comments at least every 15 s, and end after a terminal event (\`final\`, \`result\`, \`done\`
or \`error\`).`;

const TAGS = [
  { name: 'runs', description: 'Run a task to completion or stream it' },
  { name: 'interactive', description: 'Human-in-the-loop: pending approvals and clarifications, resume' },
  {
    name: 'background',
    description:
      'Background runs on the run queue (pg-boss on PostgreSQL, in process on SQLite): queue, join the stream from any replica, cancel',
  },
  { name: 'sessions', description: 'Persistent conversations whose turns give context to later runs' },
  { name: 'catalog', description: 'Tools, roles and server metadata' },
  { name: 'insights', description: 'Costs, budgets and monitoring' },
  { name: 'connection', description: 'The model provider connection (keys are never echoed)' },
  { name: 'openai', description: 'OpenAI-compatible chat completions, Responses API and models' },
  { name: 'health', description: 'Liveness' },
];

/** Where the API is: the default bind (`riptide serve --host/--port` and proxies change it). */
const SERVERS = [{ url: 'http://127.0.0.1:8000', description: 'riptide serve on its default address' }];

export async function installOpenApiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'riptide', version, description: API_DESCRIPTION },
      tags: TAGS,
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      applyOpenApiLintFixes(addOpenApiSecurity('openapiObject' in document ? document.openapiObject : {}), SERVERS),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
