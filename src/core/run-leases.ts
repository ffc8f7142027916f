// Run leases: every running run names the process that executes it and holds a lease that process
// renews while it works. When a process dies (SIGKILL, OOM) its leases expire, and any process
// sharing the store takes the stranded runs over — so every run ends. One timer per process renews
// all its runs at once; nothing per run is left on long-lived objects.
import { hostname } from 'node:os';
import type { Store } from '../store/store.js';

export interface RunLeaseOptions {
  store: Pick<Store, 'renewRunLeases' | 'claimExpiredRuns'>;
  /** How long a lease lasts without renewal (ms). */
  leaseMs: number;
  /** This process's name in the store (default: host, pid and a random suffix). */
  owner?: string;
}

export interface RunLeases {
  readonly owner: string;
  /** When a lease taken now expires (ISO timestamp). */
  expiry(): string;
  /** A run started executing here: keep renewing this process's leases while any run does. */
  acquire(): void;
  /** A run stopped executing here. */
  release(): void;
  /** Claims runs whose owners' leases have expired. */
  claimExpired(limit: number): ReturnType<Store['claimExpiredRuns']>;
  /** Stops renewing (the process is shutting down). */
  close(): void;
}

export function createRunLeases(options: RunLeaseOptions): RunLeases {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const expiry = () => new Date(Date.now() + options.leaseMs).toISOString();
  let running = 0;
  let timer: NodeJS.Timeout | undefined;

  const renew = () => {
    options.store.renewRunLeases(owner, expiry()).catch(() => {
      // A failed renewal is retried on the next tick; a lease only lapses after several misses.
    });
  };

  return {
    owner,
    expiry,
    acquire() {
      running += 1;
      if (!timer) {
        // A third of the lease: two renewals may fail before another process may take over.
        timer = setInterval(renew, Math.max(50, Math.floor(options.leaseMs / 3)));
        timer.unref();
      }
    },
    release() {
      running = Math.max(0, running - 1);
      if (running === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    claimExpired(limit) {
      return options.store.claimExpiredRuns(owner, new Date().toISOString(), expiry(), limit);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      running = 0;
    },
  };
}
