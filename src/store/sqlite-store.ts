// The embedded backend: one SQLite file through libsql (a better-sqlite3-compatible synchronous
// driver whose binaries ship prebuilt in @libsql/* registry packages, so installing compiles
// nothing), in WAL mode so readers never block the writer, with a busy timeout so a second process
// (or connection) waits instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import Database from 'libsql';
import { LRUCache } from 'lru-cache';
import type { StoreDatabase } from './database-schema.js';
import { createKyselyStore, migratedStore } from './kysely-store.js';
import { createSqliteRunPath } from './sqlite-run-path.js';
import { createSqliteStoreDialect } from './sqlite-store-dialect.js';
import type { Store } from './store.js';

export interface SqliteStoreOptions {
  /** Path of the database file (its directory is created); ':memory:' for a throwaway store. */
  file: string;
  /** How long a write waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  now?: () => Date;
}

export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const database = new Database(options.file);
  // exec, not libsql's pragma() helper: these set values and read nothing back.
  database.exec('PRAGMA journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  database.exec('PRAGMA foreign_keys = ON');
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const store = createKyselyStore({
    db,
    dialect: createSqliteStoreDialect(),
    // The run path's statements go to the same connection, outside kysely (sqlite-run-path.ts).
    runPath: createSqliteRunPath(database, db),
    now: options.now,
  });
  return migratedStore(store, options.migrate);
}

/** Statements kept prepared: the store's queries are a small, fixed set of SQL texts. */
const PREPARED_STATEMENTS = 256;

/**
 * The database as kysely's SQLite dialect uses it, with prepared statements reused: kysely prepares
 * every query it runs, and preparing (parsing and planning the SQL) costs more than running the
 * small statements a run writes.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new LRUCache<string, Database.Statement>({ max: PREPARED_STATEMENTS });
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        statement = database.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}
