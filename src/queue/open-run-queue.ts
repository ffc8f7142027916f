// Picks the run queue and run notices for a configuration: pg-boss and LISTEN/NOTIFY on the
// PostgreSQL database when RIPTIDE_DATABASE_URL names one (every process shares them), otherwise
// the in-process queue and notices of the embedded SQLite default. The PostgreSQL parts (pg,
// pg-boss) are imported only when a database URL asks for them.
import type { RiptideConfig } from '../config/config.js';
import { createInProcessRunQueue } from './in-process-run-queue.js';
import { createInProcessRunNotices, type RunNotices } from './run-notices.js';
import type { RunQueue } from './run-queue.js';

export interface RunQueueParts {
  queue: RunQueue;
  notices: RunNotices;
}

export interface OpenRunQueueOptions {
  /** The store's PostgreSQL schema, when not the connection's default (tests). */
  schema?: string;
  onError?: (error: unknown) => void;
}

export async function openRunQueue(config: RiptideConfig, options: OpenRunQueueOptions = {}): Promise<RunQueueParts> {
  if (!config.databaseUrl) return { queue: createInProcessRunQueue(), notices: createInProcessRunNotices() };
  const [{ createPostgresRunNotices }, { createPgBossRunQueue }] = await Promise.all([
    import('./postgres-run-notices.js'),
    import('./pg-boss-run-queue.js'),
  ]);
  const notices = await createPostgresRunNotices({
    url: config.databaseUrl,
    schema: options.schema,
    onError: options.onError,
  });
  try {
    const queue = await createPgBossRunQueue({
      url: config.databaseUrl,
      schema: options.schema ? `${options.schema}_queue` : undefined,
      notices,
      onError: options.onError,
    });
    return { queue, notices };
  } catch (error) {
    await notices.close();
    throw error;
  }
}
