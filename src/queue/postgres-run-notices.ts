// Run notices across replicas over PostgreSQL LISTEN/NOTIFY: one dedicated connection per process
// listens on the channel of its schema (so test schemas and deployments sharing a server stay apart)
// and reconnects after a failure. A notice reaches this process's own listeners at once, without the
// round trip through the server (its echo is recognised by the sender's id and dropped). Notices
// are best effort by design (see run-notices.ts).
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
      const sender = client;
      if (!sender) return;
      sender
        .query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ ...notice, origin })])
        .catch((error: unknown) => options.onError?.(error));
    },
    subscribe(listener) {
      fanout.listeners.add(listener);
      return () => fanout.listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(reconnect);
      fanout.listeners.clear();
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}

/** The notice in a payload, unless it is malformed or this process sent it (delivered when published). */
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
