// buildServer: the Fastify app for a set of riptide components — zod validation and serialisation,
// the one error handler, OpenAPI + docs, every route plugin in routes/index.ts, and the Studio.
// It does not listen; `riptide serve` (or a test's inject) drives it.
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Riptide } from '../riptide-types.js';
import { installErrorHandlers } from './error-handler.js';
import { createLoggerOptions } from './logger-options.js';
import { installOpenApiDocs } from './openapi-docs.js';
import { installThreadIdCapture, RequestLogController } from './request-log-controller.js';
import { installRequestSpans } from './request-spans.js';
import { ROUTE_PLUGINS } from './routes/index.js';
import { resolveAuthMode } from './security/auth-mode.js';
import type { AuthMode } from './security/authentication.js';
import { installSecurity } from './security/install-security.js';
import { createMemoryRunSlots, type RunSlots } from './security/run-slots.js';
import type { ServerContext } from './server-context.js';
import { installServerMetrics } from './server-metrics.js';
import { SseStreams } from './sse-stream.js';
import { DEFAULT_STUDIO_DIR, installStudio } from './studio-static.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether this server asks for API keys (see security/auth-mode.ts). */
    riptideAuthMode: AuthMode;
  }
}

export interface BuildServerOptions {
  /** Logging: false for none; otherwise the level (default config.logLevel) and an optional destination. */
  logger?: false | { level?: string; stream?: DestinationStream };
  /** Interval of SSE `: ping` comments (default 15 000 ms). */
  heartbeatMs?: number;
  /** The Studio's built files (default studio/dist in the package). */
  studioDir?: string;
  /** The address the server will listen on (default config.host): decides whether keys are required. */
  bindHost?: string;
  /** Serve beyond loopback without keys (`riptide serve --insecure-no-auth`). */
  insecureNoAuth?: boolean;
  /** Run slots per tenant (default: in Redis with RIPTIDE_REDIS_URL, else in this process). */
  runSlots?: RunSlots;
  /** Runs waiting in the run queue, for the `riptide_queue_depth` metric (default: none). */
  queueDepth?: () => number | Promise<number>;
}

/** The package version, read once per server from package.json (same relative path from src/ and dist/). */
function packageVersion(): string {
  try {
    const text = fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function buildServer(riptide: Riptide, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const logger =
    options.logger === false
      ? false
      : createLoggerOptions({
          level: options.logger?.level ?? riptide.config.logLevel,
          stream: options.logger?.stream,
        });
  const bindHost = options.bindHost ?? riptide.config.host;
  // Decided before anything is built: a server that must not start fails here.
  const authMode = resolveAuthMode({
    configured: riptide.config.security.auth,
    bindHost,
    insecureNoAuth: options.insecureNoAuth ?? false,
  });
  const app = Fastify({
    logger,
    logController: new RequestLogController(),
    // Request bodies hold tasks of up to 100 000 characters plus options.
    bodyLimit: 2 * 1024 * 1024,
    // Longer than any identifier (128), so an over-long one reaches validation (422), not a 404.
    routerOptions: { maxParamLength: 512 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installThreadIdCapture(app);
  if (riptide.telemetry) installRequestSpans(app, riptide.telemetry);
  const metrics = installServerMetrics(app, riptide, { queueDepth: options.queueDepth });

  const sse = new SseStreams({ heartbeatMs: options.heartbeatMs });
  // Open SSE streams would keep close() waiting: end them with a shutting_down error event first.
  app.addHook('preClose', async () => {
    sse.closeAll();
  });

  const { redisUrl, maxConcurrentRuns } = riptide.config.security;
  // ioredis and redis-semaphore load only for a server that shares its limits through Redis.
  const redis = redisUrl ? (await import('./security/redis-connection.js')).openRedisConnection(redisUrl) : null;
  if (redis) {
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  const slots =
    options.runSlots ??
    (redis
      ? (await import('./security/redis-run-slots.js')).createRedisRunSlots(redis, maxConcurrentRuns)
      : createMemoryRunSlots(maxConcurrentRuns));
  await installSecurity(app, riptide, { authMode, bindHost, slots, redis });
  app.decorate('riptideAuthMode', authMode);

  const version = packageVersion();
  await installOpenApiDocs(app, version);
  const context: ServerContext = { riptide, sse, version, authMode, metrics };
  for (const plugin of ROUTE_PLUGINS) {
    await app.register(plugin, context);
  }
  await installStudio(app, options.studioDir ?? DEFAULT_STUDIO_DIR);
  return app;
}
