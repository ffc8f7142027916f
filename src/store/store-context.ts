// What every group of store queries shares: the kysely instance, the dialect's specifics, the
// prepared run-path statements and a clock.
import type { Kysely } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import type { RunPathStatements } from './run-path-statements.js';
import type { StoreDialect } from './store-dialect.js';

export interface StoreContext {
  db: Kysely<StoreDatabase>;
  dialect: StoreDialect;
  /** The run path's hot statements, prepared by the dialect's driver. */
  runPath: RunPathStatements;
  /** ISO-8601 timestamp for created_at/updated_at. */
  now(): string;
}
