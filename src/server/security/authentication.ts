// Bearer-key authentication on every non-public route: the key decides the principal (its tenant,
// admin or not); no key or a bad one is 401 with `WWW-Authenticate: Bearer`, a tenant key on an admin
// route is 403. With auth off every caller is open; in `auto` mode (loopback, RIPTIDE_AUTH unset) the
// server asks for keys as soon as one has been created.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyService } from '../../auth/api-key-service.js';
import { RiptideError } from '../../errors/riptide-error.js';
import { isAdminRoute, isPublicRequest } from './public-routes.js';
import { isAdmin, type Principal } from './request-principal.js';

/** `required`: always; `off`: never; `auto`: once any key exists. */
export type AuthMode = 'required' | 'off' | 'auto';

export interface AuthenticationOptions {
  mode: AuthMode;
  keys: ApiKeyService;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
}

/** Whether requests must carry a key right now. */
export async function authIsRequired(options: AuthenticationOptions): Promise<boolean> {
  if (options.mode === 'auto') return options.keys.hasKeys();
  return options.mode === 'required';
}

export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    // CORS preflights carry no credentials by design and answer nothing but headers.
    if (isPublicRequest(request) || request.method === 'OPTIONS') return;
    if (!(await authIsRequired(options))) {
      request.riptidePrincipal = { kind: 'open' };
    } else {
      const token = bearerToken(request);
      if (token === null) {
        reply.header('www-authenticate', 'Bearer realm="riptide"');
        throw new RiptideError('unauthorized', 'an API key is required: send `Authorization: Bearer <key>`');
      }
      const key = await options.keys.authenticate(token);
      if (!key) {
        reply.header('www-authenticate', 'Bearer realm="riptide", error="invalid_token"');
        throw new RiptideError('unauthorized', 'the API key is malformed, unknown or revoked');
      }
      request.riptidePrincipal = { kind: 'key', ...key } satisfies Principal;
    }
    if (isAdminRoute(request.routeOptions.url) && !isAdmin(request)) {
      throw new RiptideError('forbidden', 'this route needs an admin key');
    }
  });
}
