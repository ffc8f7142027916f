// CORS: headers only for the origins in RIPTIDE_CORS_ORIGINS (none by default), allowing the bearer
// header and exposing the rate-limit headers. The Studio is same-origin and needs none.
import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

export async function installCorsPolicy(app: FastifyInstance, corsOrigins: readonly string[]): Promise<void> {
  await app.register(fastifyCors, {
    origin: corsOrigins.length === 0 ? false : [...corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'last-event-id'],
    exposedHeaders: ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  });
}
