// Slots for runs in flight per tenant: the interface, and a counter in this process. The Redis
// semaphore shared by every replica is in redis-run-slots.ts, loaded only when Redis is configured.

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export interface RunSlots {
  readonly max: number;
  /** A slot for one more run of the tenant, or null when it already has `max` in flight. */
  tryAcquire(tenantId: string): Promise<ReleaseSlot | null>;
  /** Runs the tenant has in flight (here, or on every replica with Redis). */
  inUse(tenantId: string): Promise<number>;
}

export function releaseOnce(release: () => void | Promise<void>): ReleaseSlot {
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
      return releaseOnce(() => {
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
