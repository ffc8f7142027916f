// Run notices across replicas over PostgreSQL LISTEN/NOTIFY: one dedicated connection per process
// listens on the channel of its schema (so test schemas and deployments sharing a server stay apart)
// and reconnects after a failure. A notice reaches this process's own listeners at once, without the
// round trip through the server (its echo is recognised by the sender's id and dropped). Notices are
// best effort by design (see run-notices.ts). Publishing
// goes through the same connection one statement at a time: notices published while one is in flight
// wait and leave together in the next (pg deprecates queueing queries on a busy client, and under a
// burst one statement per notice would cost a round trip each).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createNoticeFanout, type RunNotice, type RunNotices } from './run-notices.js';

export interface PostgresRunNoticesOptions {
  url: string;
  /** The store's schema; part of the channel name. */
  schema?: string;
  /** Wait before reconnecting the listening connection (ms). */
  reconnectMs?: number;
  /** Where a lost connection is reported. */
  onError?: (error: unknown) => void;
}

const KINDS = new Set<RunNotice['kind']>(['events', 'cancel', 'queued']);
/** Notices per NOTIFY statement (each payload is under 100 bytes). */
const MAX_BATCH = 500;
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,40}$/;

export async function createPostgresRunNotices(options: PostgresRunNoticesOptions): Promise<RunNotices> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_PATTERN.test(schema)) throw new Error('the PostgreSQL schema name must match [a-z_][a-z0-9_]{0,40}');
  const channel = `riptide_runs_${schema}`;
  const fanout = createNoticeFanout();
  const origin = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let reconnect: NodeJS.Timeout | undefined;
  // Payloads waiting for the connection; a Set, since a repeated wake-up tells a reader nothing new.
  const outbox = new Set<string>();
  let flushing: Promise<void> | null = null;

  const flush = async (): Promise<void> => {
    // Deferred a microtask, so the notices of one synchronous burst leave in one statement.
    await Promise.resolve();
    while (outbox.size > 0) {
      const sender = client;
      if (!sender) {
        // No connection (lost, or closed): what waits is dropped, as a missed notice would be.
        outbox.clear();
        return;
      }
      const batch = [...outbox].slice(0, MAX_BATCH);
      for (const payload of batch) outbox.delete(payload);
      // unnest keeps the array's order, and NOTIFY delivers a statement's notices in the order sent.
      await sender
        .query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [channel, batch])
        .catch((error: unknown) => options.onError?.(error));
    }
  };
  const startFlush = () => {
    flushing ??= flush().finally(() => {
      flushing = null;
      // Published after the loop saw an empty outbox, before this ran.
      if (outbox.size > 0) startFlush();
    });
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url });
    const lost = (error: unknown) => {
      if (client !== next) return;
      client = null;
      options.onError?.(error);
      next.end().catch(() => undefined);
      if (!closed) {
        reconnect = setTimeout(() => connect().catch(lost), options.reconnectMs ?? 1_000);
        reconnect.unref();
      }
    };
    next.on('error', lost);
    next.on('end', () => lost(new Error('the notice connection ended')));
    next.on('notification', (message) => {
      const notice = parseNotice(message.payload, origin);
      if (notice) fanout.deliver(notice);
    });
    await next.connect();
    // The channel is built from a validated schema name; identifiers cannot be bound as parameters.
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  await connect();

  return {
    publish(notice) {
      // As the in-process notices do: after the publisher's own synchronous work.
      queueMicrotask(() => fanout.deliver(notice));
      if (!client) return;
      outbox.add(JSON.stringify({ ...notice, origin }));
      startFlush();
    },
    subscribe(listener) {
      fanout.listeners.add(listener);
      return () => fanout.listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(reconnect);
      fanout.listeners.clear();
      // Notices published before close still go out.
      await flushing;
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}

function parseNotice(payload: string | undefined, origin: string): RunNotice | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as Partial<RunNotice> & { origin?: string };
    if (value.origin === origin) return null;
    if (typeof value.thread_id === 'string' && value.kind && KINDS.has(value.kind)) {
      return { kind: value.kind, thread_id: value.thread_id };
    }
  } catch {
    // not one of ours
  }
  return null;
}
