// What every group of store queries shares: the kysely instance, the dialect's specifics and a clock.
import type { Kysely } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import type { StoreDialect } from './store-dialect.js';

export interface StoreContext {
  db: Kysely<StoreDatabase>;
  dialect: StoreDialect;
  /** ISO-8601 timestamp for created_at/updated_at. */
  now(): string;
}
