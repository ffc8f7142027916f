// Who a request acts as, set by the authentication hook: an open caller (auth off: any tenant, every
// route), or a verified key with its tenant and role. Routes ask for the tenant scope, never the key.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedKey } from '../../auth/api-key-service.js';

export type Principal = { kind: 'open' } | ({ kind: 'key' } & AuthenticatedKey);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook before any handler runs (null only on public routes). */
    riptidePrincipal: Principal | null;
  }
}

export function installPrincipal(app: FastifyInstance): void {
  app.decorateRequest('riptidePrincipal', null);
}

/** The one tenant a request may see, or null when it may see every tenant (auth off, admin keys). */
export function tenantScope(request: FastifyRequest): string | null {
  const principal = request.riptidePrincipal;
  return principal?.kind === 'key' && !principal.admin ? principal.tenantId : null;
}

/** Whether the caller may use the admin routes (connection, MCP, keys). */
export function isAdmin(request: FastifyRequest): boolean {
  const principal = request.riptidePrincipal;
  return principal?.kind === 'open' || (principal?.kind === 'key' && principal.admin);
}
