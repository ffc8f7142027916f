// Lesson vectors on SQLite with libsql's built-in vector type and DiskANN index (no extension to
// load): F32_BLOB columns, one ANN index per kind, cosine metric. A tenant small enough to scan is
// ranked exactly; a larger one goes through the index, which is global, so its candidates are
// filtered to the tenant afterwards, and an exact scan answers when too few of them are the tenant's.
import { type Kysely, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { StoreDatabase } from './database-schema.js';
import type { LessonVectorIndex } from './lesson-vector-index.js';
import { LESSON_VECTOR_DIMENSIONS, type LessonVectorKind } from './store.js';

/** Up to this many vectors a tenant is ranked exactly: scanning them costs about what the ANN query does. */
const DEFAULT_EXACT_SCAN_MAX = 2000;
/**
 * The DiskANN search list: how many candidates one index query visits and, measured, the most
 * vector_top_k returns whatever k it is asked for.
 */
const SEARCH_LIST = 40;
const DELETE_CHUNK = 500;
/**
 * How long a tenant's "small enough to scan" answer is reused. Either answer gives correct results
 * (a stale "small" scans exactly, a stale "large" falls back to the scan), so another process's
 * writes only need to be seen eventually; this process's own writes forget the answer at once.
 */
const SIZE_TTL_MS = 10_000;
/** Tenants whose answer is kept; tenant ids come from requests, so the cache is bounded. */
const SIZE_TENANTS = 1024;

/**
 * DiskANN settings measured on 20 000 offline lessons (bench/memory-scale.bench.ts): float8 neighbour
 * vectors and a short search list cut insert and query time ~4× against the defaults while still
 * finding 98 % of the exact top 20.
 */
const INDEX_SETTINGS = sql.raw(
  `'metric=cosine', 'compress_neighbors=float8', 'max_neighbors=16', 'search_l=${SEARCH_LIST}', 'insert_l=40'`,
);

const INDEX_NAMES: Record<LessonVectorKind, string> = {
  text: 'lesson_vectors_text',
  document: 'lesson_vectors_document',
};
const COLUMNS: Record<LessonVectorKind, string> = { text: 'text_vector', document: 'document_vector' };

/** libsql reads an F32_BLOB as little-endian float32s. */
const toBlob = (vector: readonly number[]) => Buffer.from(new Float32Array(vector).buffer);

export interface SqliteLessonVectorIndexOptions {
  /** Tenants with at most this many indexed lessons are ranked by an exact scan instead of the ANN index. */
  exactScanMax?: number;
}

export function createSqliteLessonVectorIndex({
  exactScanMax = DEFAULT_EXACT_SCAN_MAX,
}: SqliteLessonVectorIndexOptions = {}): LessonVectorIndex {
  const scannable = new LRUCache<string, boolean>({ max: SIZE_TENANTS, ttl: SIZE_TTL_MS });

  /** Whether the tenant has at most exactScanMax vectors: a bounded probe (at most exactScanMax + 1 index rows). */
  async function smallTenant(db: Kysely<StoreDatabase>, tenantId: string): Promise<boolean> {
    let small = scannable.get(tenantId);
    if (small === undefined) {
      const probe = await sql<{ count: number }>`SELECT count(*) AS count FROM (
        SELECT 1 FROM lesson_vectors WHERE tenant_id = ${tenantId} LIMIT ${exactScanMax + 1})`.execute(db);
      small = Number(probe.rows[0]?.count ?? 0) <= exactScanMax;
      scannable.set(tenantId, small);
    }
    return small;
  }

  return {
    async create(db: Kysely<any>) {
      // The foreign key removes a lesson's vectors with the lesson (the store turns foreign keys on).
      await sql`CREATE TABLE lesson_vectors (
        lesson_id TEXT PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL,
        text_vector F32_BLOB(${sql.raw(String(LESSON_VECTOR_DIMENSIONS))}) NOT NULL,
        document_vector F32_BLOB(${sql.raw(String(LESSON_VECTOR_DIMENSIONS))}) NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX lesson_vectors_tenant ON lesson_vectors (tenant_id)`.execute(db);
      for (const kind of ['text', 'document'] as const) {
        await sql`CREATE INDEX ${sql.raw(INDEX_NAMES[kind])} ON lesson_vectors (
          libsql_vector_idx(${sql.raw(COLUMNS[kind])}, ${INDEX_SETTINGS})
        )`.execute(db);
      }
    },

    async upsert(trx, lessonId, tenantId, vectors) {
      scannable.delete(tenantId);
      await sql`INSERT INTO lesson_vectors (lesson_id, tenant_id, text_vector, document_vector)
        VALUES (${lessonId}, ${tenantId}, ${toBlob(vectors.text)}, ${toBlob(vectors.document)})
        ON CONFLICT (lesson_id) DO UPDATE SET text_vector = excluded.text_vector,
          document_vector = excluded.document_vector`.execute(trx);
    },

    async remove(trx, lessonIds) {
      // Which tenants the ids belong to is not known here; removals are rare (edits, consolidation).
      scannable.clear();
      for (let start = 0; start < lessonIds.length; start += DELETE_CHUNK) {
        const chunk = lessonIds.slice(start, start + DELETE_CHUNK);
        await sql`DELETE FROM lesson_vectors WHERE lesson_id IN (${sql.join(chunk)})`.execute(trx);
      }
    },

    async nearest(db, tenantId, kind, vector, limit) {
      const column = sql.raw(COLUMNS[kind]);
      const query = toBlob(vector);
      const exactScan = async () => {
        const exact = await sql<{ lesson_id: string }>`SELECT lesson_id FROM lesson_vectors
          WHERE tenant_id = ${tenantId}
          ORDER BY vector_distance_cos(${column}, ${query}), lesson_id LIMIT ${limit}`.execute(db);
        return exact.rows.map((row) => row.lesson_id);
      };
      if (limit > SEARCH_LIST || (await smallTenant(db, tenantId))) return exactScan();
      const candidates = await sql<{ lesson_id: string; tenant_id: string; distance: number }>`SELECT v.lesson_id,
          v.tenant_id, vector_distance_cos(v.${column}, ${query}) AS distance FROM
        vector_top_k(${INDEX_NAMES[kind]}, ${query}, ${SEARCH_LIST}) AS k
        JOIN lesson_vectors AS v ON v.rowid = k.id`.execute(db);
      const found = candidates.rows
        .filter((row) => row.tenant_id === tenantId)
        .sort((a, b) => a.distance - b.distance || (a.lesson_id < b.lesson_id ? -1 : a.lesson_id > b.lesson_id ? 1 : 0))
        .slice(0, limit);
      // Other tenants crowded this one out of the index's candidates: correct beats fast here. (DiskANN
      // sometimes returns fewer than asked with no one crowding; those are still the nearest it found.)
      const crowded = found.length < candidates.rows.length;
      return found.length < limit && crowded ? exactScan() : found.map((row) => row.lesson_id);
    },

    async missing(db, tenantId, limit) {
      const rows = await sql<{ id: string }>`SELECT l.id FROM lessons AS l
        WHERE l.tenant_id = ${tenantId}
          AND NOT EXISTS (SELECT 1 FROM lesson_vectors AS v WHERE v.lesson_id = l.id)
        LIMIT ${limit}`.execute(db);
      return rows.rows.map((row) => row.id);
    },
  };
}
