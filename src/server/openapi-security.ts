// The OpenAPI document's security part: the bearer scheme, which operations need it, and the
// responses every guarded operation can give (401, 403, 421, 429), derived from the same error-code
// table as the rest of the document. openapi-docs.ts applies it as a transform of the document.
import { z } from 'zod';
import { errorBodySchema, openAiErrorBodySchema, statusMeaning } from '../spec/error-codes.js';
import { isAdminRoute, isPublicRoute } from './security/public-routes.js';

const SECURITY_TEXT = `**Security:** keys are required whenever the server binds beyond loopback (\`RIPTIDE_AUTH=required\`
forces them anywhere); on loopback the server is unauthenticated until the first key is created, for
local use. Send \`Authorization: Bearer <key>\` (create keys with \`riptide keys create\` or
\`POST /api/keys\`). A tenant key acts as its own tenant only; admin keys may name any tenant and alone
use \`/api/connection*\`, \`/api/mcp/*\`, \`/api/keys*\`, \`/metrics\`. Every request must carry a loopback Host or one in
\`RIPTIDE_ALLOWED_HOSTS\` (421 \`bad_host\`), and requests from a web page of a foreign origin are 403
\`bad_origin\`. Rate limits answer 429 \`rate_limited\` with \`Retry-After\`. To expose the server, put
TLS (a reverse proxy) in front of it and give every client a key.`;

const BEARER_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  description:
    'A riptide API key (`rt_…`) from `riptide keys create` or `POST /api/keys`. Needed whenever the server asks for keys (see the document description).',
};

interface OperationObject {
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

type OpenApiDocument = {
  info?: { description?: string };
  tags?: { name: string; description?: string }[];
  components?: { securitySchemes?: Record<string, unknown> };
  paths?: Record<string, Record<string, OperationObject>>;
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

function errorResponse(openAi: boolean, description: string, headers?: Record<string, unknown>) {
  const schema = z.toJSONSchema(openAi ? openAiErrorBodySchema : errorBodySchema, { target: 'draft-2020-12' });
  const { $schema: _ignored, ...body } = schema as Record<string, unknown>;
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema: body } } };
}

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds until a retry may succeed', schema: { type: 'integer' } },
};
const WWW_AUTHENTICATE = {
  'WWW-Authenticate': { description: '`Bearer realm="riptide"`', schema: { type: 'string' } },
};

/** `/api/runs/{thread_id}` → `/api/runs/:thread_id`, the form the route guards match on. */
function routePattern(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

export function addOpenApiSecurity<T extends object>(document: T): T {
  const doc = document as OpenApiDocument;
  if (doc.info) {
    const description = doc.info.description ?? '';
    doc.info.description = /\*\*Security:\*\*[\s\S]*?(\n\n|$)/.test(description)
      ? description.replace(/\*\*Security:\*\*[\s\S]*?(\n\n|$)/, (_match, end: string) => `${SECURITY_TEXT}${end}`)
      : `${description}\n\n${SECURITY_TEXT}`;
  }
  doc.tags = [
    ...(doc.tags ?? []).filter((tag) => tag.name !== 'auth'),
    { name: 'auth', description: 'API keys, and who a request acts as' },
  ];
  doc.components = {
    ...doc.components,
    securitySchemes: { ...doc.components?.securitySchemes, bearerAuth: BEARER_SCHEME },
  };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    const openAi = path === '/v1' || path.startsWith('/v1/');
    const pattern = routePattern(path);
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      operation.responses ??= {};
      const responses = operation.responses;
      responses['421'] ??= errorResponse(openAi, statusMeaning(421));
      if (isPublicRoute(pattern)) {
        operation.security = [];
        continue;
      }
      operation.security = [{ bearerAuth: [] }];
      responses['401'] ??= errorResponse(openAi, statusMeaning(401), WWW_AUTHENTICATE);
      responses['403'] ??= errorResponse(
        openAi,
        isAdminRoute(pattern)
          ? `\`forbidden\`: this route needs an admin key; ${statusMeaning(403)}`
          : statusMeaning(403),
      );
      responses['429'] ??= errorResponse(openAi, statusMeaning(429), RETRY_AFTER);
    }
  }
  return document;
}
