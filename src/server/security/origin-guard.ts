// The Origin check: a browser names the page behind every cross-site fetch, form post or
// EventSource in `Origin`. Requests to the API from a page that is neither the server's own origin
// nor in RIPTIDE_CORS_ORIGINS are refused with 403 `bad_origin` before they run — whatever the
// method, because the SSE run routes start runs on GET. Clients that are not browsers send no Origin.
import type { FastifyInstance } from 'fastify';
import { RiptideError } from '../../errors/riptide-error.js';
import { isPublicRequest } from './public-routes.js';

export interface OriginGuardOptions {
  /** RIPTIDE_CORS_ORIGINS, as bare origins. */
  corsOrigins: readonly string[];
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Whether `origin` is the page of this very server, judged by the Host the request was sent to. */
export function isSameOrigin(origin: string, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = hostHeader.trim().toLowerCase();
  const port = url.port || DEFAULT_PORT[url.protocol];
  return host === url.host || host === `${url.hostname}:${port}`;
}

export function isAllowedOrigin(origin: string, hostHeader: string | undefined, options: OriginGuardOptions): boolean {
  return options.corsOrigins.includes(origin) || isSameOrigin(origin, hostHeader);
}

export function installOriginGuard(app: FastifyInstance, options: OriginGuardOptions): void {
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (origin === undefined || isPublicRequest(request)) return;
    if (!isAllowedOrigin(origin, request.headers.host, options)) {
      throw new RiptideError(
        'bad_origin',
        `requests from the web origin '${origin.slice(0, 200)}' are not allowed; add it to RIPTIDE_CORS_ORIGINS if you trust it`,
      );
    }
  });
}
