// The dialect-specific corner of the store (full-text search, id columns), so every other query is
// written once with kysely's builder and runs on SQLite and PostgreSQL alike.
import type { CreateTableBuilder, Kysely, Transaction } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import type { LessonVectorIndex } from './lesson-vector-index.js';

export interface LessonSearchDocument {
  id: string;
  tenant_id: string;
  text: string;
  tags: string[];
  task: string;
}

export interface StoreDialect {
  name: 'sqlite' | 'postgres';
  /** Adds an auto-incrementing integer primary key named `id`. */
  addAutoIncrementId<T extends string, C extends string>(
    table: CreateTableBuilder<T, C>,
  ): CreateTableBuilder<T, C | 'id'>;
  /** Creates whatever the full-text index over lessons needs (runs inside the migration). */
  createLessonSearchIndex(db: Kysely<any>): Promise<void>;
  /** Indexes lessons not in the index (re-indexing unindexes them first); same transaction as the lesson write. */
  indexLessons(trx: Transaction<StoreDatabase>, lessons: LessonSearchDocument[]): Promise<void>;
  /** Removes lessons from the full-text index; same transaction as the delete. */
  unindexLessons(trx: Transaction<StoreDatabase>, ids: string[]): Promise<void>;
  /** Serialises budget reservations of one tenant inside the transaction (a no-op where a write already does). */
  lockTenantBudget(trx: Transaction<StoreDatabase>, tenantId: string): Promise<void>;
  /** Ids of a tenant's lessons matching any of the terms, best (BM25 / ts_rank) first. Terms are plain words. */
  searchLessonIds(db: Kysely<StoreDatabase>, tenantId: string, terms: string[], limit: number): Promise<string[]>;
  /** The in-database vector index over lessons, where this backend has one. */
  lessonVectors?: LessonVectorIndex;
}
