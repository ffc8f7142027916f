// Run slots in a Redis semaphore (with redis-semaphore) shared by every replica. A Redis slot is a
// lease refreshed while its run lasts, so a process that dies mid-run gives its slots back within
// the lease time. Imported only when RIPTIDE_REDIS_URL is set (ioredis costs ~13 MB of RSS).
import type { Redis } from 'ioredis';
import { Semaphore } from 'redis-semaphore';
import { type RunSlots, releaseOnce } from './run-slots.js';

/**
 * redis-semaphore refreshes a lease from a timer and lets a failed refresh (Redis unreachable, the
 * connection closed) escape as an unhandled rejection, which would end the process. A failed
 * refresh only means the lease may run out early, so it is swallowed here.
 */
function guardRefresh(semaphore: Semaphore): void {
  const lock = semaphore as unknown as { _processRefresh: () => Promise<void> };
  const refresh = lock._processRefresh;
  lock._processRefresh = () => refresh().catch(() => undefined);
}

export interface RedisRunSlotsOptions {
  /** How long a slot outlives a process that stopped refreshing it (default 30 s). */
  leaseMs?: number;
  /** Key prefix (default `riptide:runs:`). */
  prefix?: string;
}

export function createRedisRunSlots(redis: Redis, max: number, options: RedisRunSlotsOptions = {}): RunSlots {
  const leaseMs = options.leaseMs ?? 30_000;
  const prefix = options.prefix ?? 'riptide:runs:';
  return {
    max,
    async tryAcquire(tenantId) {
      const semaphore = new Semaphore(redis, `${prefix}${tenantId}`, max, {
        acquireAttemptsLimit: 1,
        lockTimeout: leaseMs,
        refreshInterval: Math.floor(leaseMs / 3),
        // A lost lease (Redis flushed, a long pause) only means the cap was briefly not enforced.
        onLockLost: () => undefined,
      });
      guardRefresh(semaphore);
      if (!(await semaphore.tryAcquire())) return null;
      return releaseOnce(() => semaphore.release());
    },
    async inUse(tenantId) {
      const key = `semaphore:${prefix}${tenantId}`;
      await redis.zremrangebyscore(key, '-inf', Date.now() - leaseMs);
      return redis.zcard(key);
    },
  };
}
