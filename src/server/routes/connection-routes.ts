// The model connection: read it (key masked), change it at run time (kept in memory by the model
// gateway, never written to disk or logs), and test it (never throws).
import { connectionTestSchema, connectionUpdateSchema, connectionViewSchema } from '../../spec/connection.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './route-plugin.js';

export const connectionRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/connection',
    {
      schema: {
        tags: ['connection'],
        summary: 'Current connection',
        description:
          'The provider, model and endpoint in use. The key is never echoed: `key_masked` shows at most its last 4 characters.',
        response: { 200: connectionViewSchema },
      },
    },
    async () => riptide.models.getConnection(),
  );

  app.post(
    '/api/connection',
    {
      schema: {
        tags: ['connection'],
        summary: 'Change the connection',
        description:
          '`provider` is offline, openai, anthropic or custom (any OpenAI-compatible endpoint: Ollama, vLLM, LM Studio, llama.cpp server; needs `api_base`). Kept in memory only; an omitted `api_key` keeps the current one.',
        body: connectionUpdateSchema,
        response: { 200: connectionViewSchema, ...errorResponses(422) },
      },
    },
    async (request) => {
      const { provider, model, api_key, api_base } = request.body;
      return riptide.models.setConnection({
        provider,
        ...(model !== undefined ? { model } : {}),
        ...(api_key !== undefined ? { apiKey: api_key } : {}),
        ...(api_base !== undefined ? { apiBase: api_base } : {}),
      });
    },
  );

  app.post(
    '/api/connection/test',
    {
      schema: {
        tags: ['connection'],
        summary: 'Test the connection',
        description:
          'Pings the configured model and reports `ok`, the model, latency and a detail. Never fails with an error status.',
        response: {
          200: connectionTestSchema,
        },
      },
    },
    async (_request, reply) => {
      const controller = abortOnDisconnect(reply);
      return riptide.models.testConnection({ abortSignal: controller.signal });
    },
  );
};
