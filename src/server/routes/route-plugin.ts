// The shape of one route group: a Fastify plugin with zod type inference that receives the server
// context (riptide's components, the SSE helper, the version) as its options.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerContext } from '../server-context.js';

export type RoutePlugin = FastifyPluginAsyncZod<ServerContext>;
