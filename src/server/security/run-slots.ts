// Slots for runs in flight per tenant: a counter in this process, or a Redis semaphore (with
// redis-semaphore) shared by every replica. A Redis slot is a lease refreshed while its run lasts,
// so a process that dies mid-run gives its slots back within the lease time.
import type { Redis } from 'ioredis';
import { Semaphore } from 'redis-semaphore';

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export interface RunSlots {
  readonly max: number;
  /** A slot for one more run of the tenant, or null when it already has `max` in flight. */
  tryAcquire(tenantId: string): Promise<ReleaseSlot | null>;
  /** Runs the tenant has in flight (here, or on every replica with Redis). */
  inUse(tenantId: string): Promise<number>;
}

function once(release: () => void | Promise<void>): ReleaseSlot {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    void Promise.resolve(release()).catch(() => undefined);
  };
}

export function createMemoryRunSlots(max: number): RunSlots {
  const inFlight = new Map<string, number>();
  return {
    max,
    async tryAcquire(tenantId) {
      const current = inFlight.get(tenantId) ?? 0;
      if (current >= max) return null;
      inFlight.set(tenantId, current + 1);
      return once(() => {
        const left = (inFlight.get(tenantId) ?? 1) - 1;
        if (left <= 0) inFlight.delete(tenantId);
        else inFlight.set(tenantId, left);
      });
    },
    async inUse(tenantId) {
      return inFlight.get(tenantId) ?? 0;
    },
  };
}

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
      return once(() => semaphore.release());
    },
    async inUse(tenantId) {
      const key = `semaphore:${prefix}${tenantId}`;
      await redis.zremrangebyscore(key, '-inf', Date.now() - leaseMs);
      return redis.zcard(key);
    },
  };
}
