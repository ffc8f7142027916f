// Run notices: small cross-process messages about background runs — new events or a new status were
// stored (`events`), a run was cancelled (`cancel`), a job was queued (`queued`). They only wake
// readers up; what happened is always read back from the store, so a missed notice costs latency,
// never correctness. In process for SQLite; PostgreSQL LISTEN/NOTIFY across replicas
// (postgres-run-notices.ts).

export interface RunNotice {
  kind: 'events' | 'cancel' | 'queued';
  thread_id: string;
}

export type RunNoticeListener = (notice: RunNotice) => void;

export interface RunNotices {
  /** Sends a notice to every process (this one included); never throws. */
  publish(notice: RunNotice): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: RunNoticeListener): () => void;
  close(): Promise<void>;
}

/** Fans a notice out to the listeners of this process (a throwing listener does not stop the rest). */
export function createNoticeFanout(): { listeners: Set<RunNoticeListener>; deliver(notice: RunNotice): void } {
  const listeners = new Set<RunNoticeListener>();
  return {
    listeners,
    deliver(notice) {
      for (const listener of [...listeners]) {
        try {
          listener(notice);
        } catch {
          // a listener's own failure is its business
        }
      }
    },
  };
}

export function createInProcessRunNotices(): RunNotices {
  const fanout = createNoticeFanout();
  return {
    publish(notice) {
      queueMicrotask(() => fanout.deliver(notice));
    },
    subscribe(listener) {
      fanout.listeners.add(listener);
      return () => fanout.listeners.delete(listener);
    },
    async close() {
      fanout.listeners.clear();
    },
  };
}
