// The PostgreSQL backend for deployments that outgrow one process: the same kysely queries as
// SQLite over a pg pool; only the full-text index and id columns differ (postgres-store-dialect.ts),
// and the run path runs as named statements on the same pool (postgres-run-path.ts).
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { RiptideError } from '../errors/riptide-error.js';
import type { StoreDatabase } from './database-schema.js';
import { createKyselyStore, migratedStore } from './kysely-store.js';
import { createPostgresRunPath } from './postgres-run-path.js';
import { createPostgresStoreDialect } from './postgres-store-dialect.js';
import type { Store } from './store.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Schema to keep the tables in (created when missing); defaults to the server's search_path. */
  schema?: string;
  /** Pool size. */
  maxConnections?: number;
  migrate?: boolean;
  now?: () => Date;
}

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined) {
    if (!SCHEMA_PATTERN.test(schema)) {
      throw new RiptideError('config_error', 'the PostgreSQL schema name must match [a-z_][a-z0-9_]{0,62}');
    }
    const bootstrap = new pg.Client({ connectionString: options.url });
    await bootstrap.connect();
    try {
      // The name is validated above; identifiers cannot be bound as parameters.
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await bootstrap.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  // Kysely's migrator looks its bookkeeping tables up across every schema; naming the schema the
  // connection actually uses (its search_path, maybe set in the URL) keeps another schema's tables
  // from being mistaken for ours.
  const migrationSchema =
    schema ?? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema;
  const store = createKyselyStore({
    db,
    dialect: createPostgresStoreDialect(),
    runPath: createPostgresRunPath(pool),
    now: options.now,
    migrationSchema,
  });
  return migratedStore(store, options.migrate);
}
