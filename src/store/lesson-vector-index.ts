// The seam of an in-database vector index over lessons: what the lesson queries need from a
// backend's ANN index (libsql's DiskANN on SQLite), so recall and the near-duplicate check see every
// lesson of a tenant rather than a recent window.
import type { Kysely, Transaction } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import type { LessonVectorKind, LessonVectors } from './store.js';

export interface LessonVectorIndex {
  /** Creates the index's tables (runs inside migration 0010). */
  create(db: Kysely<any>): Promise<void>;
  /** Inserts or replaces a lesson's vectors; same transaction as the lesson write. */
  upsert(trx: Transaction<StoreDatabase>, lessonId: string, tenantId: string, vectors: LessonVectors): Promise<void>;
  /** Drops lessons' vectors; same transaction as the change that made them stale. */
  remove(trx: Transaction<StoreDatabase>, lessonIds: string[]): Promise<void>;
  /** Ids of a tenant's lessons nearest to `vector`, nearest first. */
  nearest(
    db: Kysely<StoreDatabase>,
    tenantId: string,
    kind: LessonVectorKind,
    vector: number[],
    limit: number,
  ): Promise<string[]>;
  /** Ids of a tenant's lessons that have no vectors yet. */
  missing(db: Kysely<StoreDatabase>, tenantId: string, limit: number): Promise<string[]>;
}
