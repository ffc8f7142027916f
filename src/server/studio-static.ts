// Serves the Studio's built single-page app at `/`: hashed assets with long immutable caching,
// index.html for browser navigations to non-API paths (SPA fallback), and a short help page when
// the Studio has not been built. Also owns the server's one not-found handler.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendNotFound } from './error-handler.js';

/** studio/dist relative to the package root (the same from src/server and dist/server). */
export const DEFAULT_STUDIO_DIR = fileURLToPath(new URL('../../studio/dist', import.meta.url));

/** Paths that belong to the API: never answered with the SPA's index.html. */
const API_PREFIXES = ['/api/', '/v1/', '/run/', '/sessions/', '/healthz', '/openapi.json', '/docs'];

const MISSING_STUDIO_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>riptide</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>riptide is running</h1>
<p>The Studio web app has not been built. Run <code>npm run build</code> and restart <code>riptide serve</code>.</p>
<p>The API is available meanwhile: see <a href="/docs">/docs</a> and <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>
`;

function isBrowserNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = request.url.split('?')[0];
  if (API_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix))) {
    return false;
  }
  return (request.headers.accept ?? '').includes('text/html');
}

function sendMissingStudio(reply: FastifyReply): FastifyReply {
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(MISSING_STUDIO_PAGE);
}

/** Registers the Studio (or its placeholder) and the not-found handler on the root instance. */
export async function installStudio(app: FastifyInstance, studioDir: string = DEFAULT_STUDIO_DIR): Promise<void> {
  const built = fs.existsSync(path.join(studioDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: studioDir,
      prefix: '/',
      index: 'index.html',
      cacheControl: false,
      setHeaders(res, filePath) {
        // Vite content-hashes everything under assets/: a changed file gets a new name.
        const relative = path.relative(studioDir, filePath).split(path.sep);
        res.setHeader('cache-control', relative[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => sendMissingStudio(reply));
  }

  app.setNotFoundHandler((request, reply) => {
    if (!isBrowserNavigation(request)) return sendNotFound(request, reply);
    if (!built) return sendMissingStudio(reply);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
