// API keys over HTTP (admin keys only, enforced by the authentication hook for /api/keys*): list,
// create (the key is in this one answer and nowhere else), revoke. And GET /api/whoami, which tells
// any caller — the Studio first of all — whether keys are required and whom its key acts as.
import { z } from 'zod';
import {
  apiKeyCreateSchema,
  apiKeyViewSchema,
  createdApiKeySchema,
  keyIdSchema,
  type Whoami,
  whoamiSchema,
} from '../../spec/api-key.js';
import { errorResponses } from '../error-schemas.js';
import { authIsRequired } from '../security/authentication.js';
import type { RoutePlugin } from './route-plugin.js';

export const keyRoutes: RoutePlugin = async (app, { riptide, authMode }) => {
  app.get(
    '/api/whoami',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who this request acts as',
        description:
          'Whether the server requires API keys, and the tenant and role of the key sent. With auth off every caller may name any tenant and use every route.',
        response: { 200: whoamiSchema },
      },
    },
    async (request): Promise<Whoami> => {
      const principal = request.riptidePrincipal;
      const auth = (await authIsRequired({ mode: authMode, keys: riptide.keys })) ? 'required' : 'off';
      if (principal?.kind !== 'key') return { auth, key_id: null, tenant_id: null, admin: true };
      return { auth, key_id: principal.keyId, tenant_id: principal.tenantId, admin: principal.admin };
    },
  );

  app.get(
    '/api/keys',
    {
      schema: {
        tags: ['auth'],
        summary: 'List API keys',
        description: 'Every key, active and revoked, newest first: its id, tenant, role and name. Never a secret.',
        response: { 200: z.array(apiKeyViewSchema) },
      },
    },
    async () => riptide.keys.list(),
  );

  app.post(
    '/api/keys',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API key',
        description:
          'Creates a key for a tenant (an admin key with `admin: true`). The answer carries the key itself, shown this once: the server keeps only a salted scrypt hash.',
        body: apiKeyCreateSchema,
        response: { 200: createdApiKeySchema, ...errorResponses(422) },
      },
    },
    async (request) => riptide.keys.create(request.body),
  );

  app.delete(
    '/api/keys/:key_id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API key',
        description:
          'Revokes the key at once on every server sharing the database; revoking a revoked key answers it again. 404 `unknown_key` for an unknown id.',
        params: z.object({ key_id: keyIdSchema }),
        response: { 200: apiKeyViewSchema, ...errorResponses(404, 422) },
      },
    },
    async (request) => riptide.keys.revoke(request.params.key_id),
  );
};
