// A Store over any kysely instance: the queries are dialect-neutral builder code; the StoreDialect
// supplies the few dialect-specific pieces. SQLite and PostgreSQL factories wrap this.
import { type Kysely, Migrator } from 'kysely';
import { RiptideError } from '../errors/riptide-error.js';
import { createBudgetQueries } from './budget-queries.js';
import type { StoreDatabase } from './database-schema.js';
import { createLessonQueries } from './lesson-queries.js';
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
