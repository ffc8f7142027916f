// The routes anyone may reach without a key (API.md): liveness, the Studio and its assets, the
// OpenAPI document and the docs UI. Everything else goes through authentication, tenancy, rate
// limits and the Origin check. Decided by the matched route pattern, so a route added later is
// guarded unless it is listed here.
import type { FastifyRequest } from 'fastify';

const PUBLIC_PATTERNS = new Set(['/healthz', '/openapi.json', '/', '/*']);
const PUBLIC_PREFIXES = ['/docs'];

/** Admin-only route prefixes (API.md): tenant keys get 403 there. */
// /metrics counts every tenant's runs together, so it is an operator's (admin) view.
export const ADMIN_PREFIXES = ['/api/connection', '/api/mcp', '/api/keys', '/metrics'];

export function isPublicRoute(pattern: string | undefined): boolean {
  // No pattern: the not-found handler, which answers 404 (or the Studio's index.html) and reveals nothing.
  if (pattern === undefined) return true;
  return (
    PUBLIC_PATTERNS.has(pattern) ||
    PUBLIC_PREFIXES.some((prefix) => pattern === prefix || pattern.startsWith(`${prefix}/`))
  );
}

export function isPublicRequest(request: FastifyRequest): boolean {
  return isPublicRoute(request.routeOptions?.url);
}

export function isAdminRoute(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  return ADMIN_PREFIXES.some((prefix) => pattern === prefix || pattern.startsWith(`${prefix}/`));
}
