// Requests per minute per key (per client address with auth off), with @fastify/rate-limit: 429
// `rate_limited` with Retry-After past the limit (OpenAI's error shape under /v1, through the one
// error handler). With Redis the counters are shared by every replica.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { RiptideError } from '../../errors/riptide-error.js';
import { isPublicRequest } from './public-routes.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Shared counters; in-process ones without it. */
  redis: Redis | null;
}

export async function installRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.perMinute,
    timeWindow: 60_000,
    hook: 'onRequest',
    ...(options.redis ? { redis: options.redis, nameSpace: 'riptide:rate:' } : {}),
    // Runs after authentication (route hooks follow app hooks), so a key's bucket is its verified id.
    keyGenerator: (request) => {
      const principal = request.riptidePrincipal;
      return principal?.kind === 'key' ? `key:${principal.keyId}` : `ip:${request.ip}`;
    },
    allowList: (request) => isPublicRequest(request) || request.method === 'OPTIONS',
    errorResponseBuilder: (_request, context) =>
      new RiptideError(
        'rate_limited',
        `rate limit of ${context.max} requests per minute exceeded; retry in ${context.after}`,
      ),
  });
}
