// A Store over any kysely instance: the queries are dialect-neutral builder code; the StoreDialect
// supplies the few dialect-specific pieces. SQLite and PostgreSQL factories wrap this.
import { type Kysely, Migrator } from 'kysely';
import { RiptideError } from '../errors/riptide-error.js';
import { createBudgetQueries } from './budget-queries.js';
import type { StoreDatabase } from './database-schema.js';
import { createKeyQueries } from './key-queries.js';
import { createLessonQueries } from './lesson-queries.js';
import { createRunQueries, insertEvents } from './run-queries.js';
import { createSessionQueries } from './session-queries.js';
import type { Store } from './store.js';
import type { StoreContext } from './store-context.js';
import type { StoreDialect } from './store-dialect.js';
import { createStoreMigrationProvider } from './store-migrations.js';
import { createUsageQueries } from './usage-queries.js';

export interface KyselyStoreOptions {
  db: Kysely<StoreDatabase>;
  dialect: StoreDialect;
  /** Clock for timestamps (tests pin it); defaults to the wall clock. */
  now?: () => Date;
  /** Schema of the migration bookkeeping tables (PostgreSQL, when not the default search_path). */
  migrationSchema?: string;
}

export function createKyselyStore({ db, dialect, now = () => new Date(), migrationSchema }: KyselyStoreOptions): Store {
  const context: StoreContext = { db, dialect, now: () => now().toISOString() };
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
      return db.transaction().execute(async (trx) => {
        // The same query groups, bound to the transaction: one commit for everything a run's end writes.
        const scoped = { ...context, db: trx };
        const runs = createRunQueries(scoped);
        const owned =
          finish.status === 'completed' && finish.result
            ? await runs.completeRun(threadId, owner, finish.result)
            : await runs.failRun(threadId, owner, finish.result);
        // Not the owner any more: the conditional update changed nothing, so nothing else is written.
        if (!owned) return false;
        if (finish.events.length > 0) await insertEvents(trx, threadId, finish.events, context.now());
        await createUsageQueries(scoped).recordUsage(finish.usage);
        if (finish.session) {
          await createSessionQueries(scoped).appendSessionTurn(
            finish.session.session_id,
            finish.usage.tenant_id,
            finish.session.turn,
          );
        }
        return true;
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
