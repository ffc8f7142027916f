// A Store over any kysely instance: the queries are dialect-neutral builder code; the StoreDialect
// supplies the few dialect-specific pieces, and the run path's hot writes run as prepared statements
// on the dialect's own driver (RunPathStatements). SQLite and PostgreSQL factories wrap this.
import { type Kysely, Migrator } from 'kysely';
import { RiptideError } from '../errors/riptide-error.js';
import { createBudgetQueries } from './budget-queries.js';
import type { StoreDatabase } from './database-schema.js';
import { createKeyQueries } from './key-queries.js';
import { createLessonQueries } from './lesson-queries.js';
import { toRunEventsRow, toSessionTurnRow, toUsageRow } from './row-mapping.js';
import type { RunPathStatements } from './run-path-statements.js';
import { createRunQueries } from './run-queries.js';
import { createSessionQueries } from './session-queries.js';
import type { Store } from './store.js';
import type { StoreContext } from './store-context.js';
import type { StoreDialect } from './store-dialect.js';
import { createStoreMigrationProvider } from './store-migrations.js';
import { createUsageQueries } from './usage-queries.js';

export interface KyselyStoreOptions {
  db: Kysely<StoreDatabase>;
  dialect: StoreDialect;
  /** The run path's statements, prepared on the dialect's own driver. */
  runPath: RunPathStatements;
  /** Clock for timestamps (tests pin it); defaults to the wall clock. */
  now?: () => Date;
  /** Schema of the migration bookkeeping tables (PostgreSQL, when not the default search_path). */
  migrationSchema?: string;
}

export function createKyselyStore({
  db,
  dialect,
  runPath,
  now = () => new Date(),
  migrationSchema,
}: KyselyStoreOptions): Store {
  const context: StoreContext = { db, dialect, runPath, now: () => now().toISOString() };
  return {
    async migrate() {
      const migrator = new Migrator({
        db,
        provider: createStoreMigrationProvider(dialect),
        ...(migrationSchema === undefined ? {} : { migrationTableSchema: migrationSchema }),
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
        throw new RiptideError('internal_error', `database migration '${failed}' failed`, { cause: error });
      }
    },
    async close() {
      await db.destroy();
    },
    ...createRunQueries(context),
    ...createSessionQueries(context),
    ...createUsageQueries(context),
    ...createLessonQueries(context),
    ...createBudgetQueries(context),
    finishRun(threadId, owner, finish) {
      const timestamp = context.now();
      const completed = finish.status === 'completed' && finish.result !== null;
      return runPath.finishRun({
        threadId,
        owner,
        status: completed ? 'completed' : 'failed',
        result: finish.result === null ? null : JSON.stringify(finish.result),
        mode: finish.result?.mode ?? null,
        updatedAt: timestamp,
        usage: toUsageRow(finish.usage, timestamp),
        events: finish.events.length > 0 ? toRunEventsRow(threadId, finish.events, timestamp) : null,
        sessionTurn: finish.session
          ? toSessionTurnRow(finish.session.session_id, finish.usage.tenant_id, finish.session.turn, timestamp)
          : null,
      });
    },
    ...createKeyQueries(context),
  };
}

/** Runs the migrations of a freshly opened store unless told not to; a failed migration closes it. */
export async function migratedStore(store: Store, migrate = true): Promise<Store> {
  if (!migrate) return store;
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
