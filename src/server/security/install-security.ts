// Installs the guards every request passes, in order: Host (DNS rebinding) → Origin → CORS →
// authentication → tenancy → rate limit → concurrent-run cap, plus security headers. Must run
// before the routes are registered, since the per-route parts attach when a route is added.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Riptide } from '../../riptide-types.js';
import { type AuthMode, installAuthentication } from './authentication.js';
import { installCorsPolicy } from './cors-policy.js';
import { installHostGuard } from './host-guard.js';
import { installOriginGuard } from './origin-guard.js';
import { installRateLimit } from './rate-limit.js';
import { installPrincipal } from './request-principal.js';
import { installRunSlotGuard } from './run-slot-guard.js';
import type { RunSlots } from './run-slots.js';
import { installSecurityHeaders } from './security-headers.js';
import { installTenantGuard } from './tenant-guard.js';

export interface SecurityOptions {
  authMode: AuthMode;
  /** The address the server listens on (a specific one is an allowed Host). */
  bindHost: string;
  slots: RunSlots;
  /** Shared rate-limit counters, or null for in-process ones. */
  redis: Redis | null;
}

export async function installSecurity(app: FastifyInstance, riptide: Riptide, options: SecurityOptions): Promise<void> {
  const { security } = riptide.config;
  installPrincipal(app);
  installHostGuard(app, { allowedHosts: security.allowedHosts, bindHost: options.bindHost });
  installOriginGuard(app, { corsOrigins: security.corsOrigins });
  await installCorsPolicy(app, security.corsOrigins);
  installAuthentication(app, { mode: options.authMode, keys: riptide.keys });
  installTenantGuard(app);
  await installRateLimit(app, { perMinute: security.rateLimitPerMinute, redis: options.redis });
  installRunSlotGuard(app, { slots: options.slots, store: riptide.store });
  await installSecurityHeaders(app);
}
