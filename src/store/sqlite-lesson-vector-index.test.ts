// The libsql vector index behind nearestLessons: exact and ANN ranking agree with a brute-force
// cosine ranking, results stay inside the tenant, and the index follows lesson writes and deletes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../memory/cosine-similarity.js';
import { hashingEmbedding } from '../memory/hashing-embedding.js';
import type { StoreDatabase } from './database-schema.js';
import { createKyselyStore } from './kysely-store.js';
import { createSqliteLessonVectorIndex } from './sqlite-lesson-vector-index.js';
import { createSqliteRunPath } from './sqlite-run-path.js';
import { createSqliteStoreDialect } from './sqlite-store-dialect.js';
import type { Lesson, LessonVectors, Store } from './store.js';

const TOPICS = ['calculator arithmetic', 'weather forecast', 'sales report summary', 'unit conversion miles'];
const VERBS = ['use', 'prefer', 'check', 'avoid', 'cite'];

/** Deterministic, varied lesson texts (no randomness, so a failure reproduces). */
const lessonText = (index: number) =>
  `${VERBS[index % VERBS.length]} the ${TOPICS[index % TOPICS.length]} step ${index} carefully`;

const vectorsOf = (text: string): LessonVectors => ({ text: hashingEmbedding(text), document: hashingEmbedding(text) });

async function openStore(file: string, exactScanMax: number): Promise<Store> {
  const database = new Database(file);
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
  const dialect = { ...createSqliteStoreDialect(), lessonVectors: createSqliteLessonVectorIndex({ exactScanMax }) };
  const store = createKyselyStore({ db, dialect, runPath: createSqliteRunPath(database, db) });
  await store.migrate();
  return store;
}

describe('sqlite lesson vector index', () => {
  let directory: string;
  const stores: Store[] = [];

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-memory-'));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  async function seeded(exactScanMax: number) {
    const store = await openStore(path.join(directory, `vectors-${exactScanMax}.sqlite`), exactScanMax);
    stores.push(store);
    const lessons: Lesson[] = [];
    for (let index = 0; index < 40; index += 1) {
      const text = lessonText(index);
      const input = { tenant_id: 'acme', text, tags: [], success: true, task: 'task', embedding: null };
      lessons.push(await store.addLesson(input, vectorsOf(text)));
    }
    for (let index = 0; index < 5; index += 1) {
      const text = lessonText(index);
      await store.addLesson(
        { tenant_id: 'globex', text, tags: [], success: true, task: 'task', embedding: null },
        vectorsOf(text),
      );
    }
    return { store, lessons };
  }

  const bruteForce = (lessons: Lesson[], query: number[], limit: number) =>
    lessons
      .map((lesson) => ({ id: lesson.id, similarity: cosineSimilarity(hashingEmbedding(lesson.text), query) }))
      .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((hit) => hit.id);

  // exactScanMax 1000 ranks every tenant by scanning; 3 sends acme (40 lessons) through the ANN index.
  for (const exactScanMax of [1000, 3]) {
    it(`ranks a tenant's lessons like a brute-force cosine ranking (exact scan up to ${exactScanMax})`, async () => {
      const { store, lessons } = await seeded(exactScanMax);
      for (const query of ['use the calculator', 'weather forecast step 7', 'cite the miles conversion']) {
        const vector = hashingEmbedding(query);
        const found = await store.nearestLessons('acme', 'text', vector, 5);
        expect(found?.map((lesson) => lesson.id)).toEqual(bruteForce(lessons, vector, 5));
      }
      const globex = await store.nearestLessons('globex', 'document', hashingEmbedding('use the calculator'), 10);
      expect(globex?.map((lesson) => lesson.tenant_id)).toEqual(Array(5).fill('globex'));
      expect(await store.nearestLessons('initech', 'text', hashingEmbedding('calculator'), 5)).toEqual([]);
    });
  }

  it('follows deletes, text changes and backfills, and refuses vectors of another size', async () => {
    const { store, lessons } = await seeded(3);
    const [first, second] = lessons;
    const nearestIds = async (text: string) =>
      ((await store.nearestLessons('acme', 'text', hashingEmbedding(text), 3)) ?? []).map((lesson) => lesson.id);

    expect((await nearestIds(first.text))[0]).toBe(first.id);
    await store.deleteLessons([first.id]);
    expect(await nearestIds(first.text)).not.toContain(first.id);

    // A new text without new vectors leaves the lesson out of the index until it is re-indexed.
    await store.updateLesson(second.id, { text: 'avoid the weather radar entirely' });
    expect(await nearestIds(second.text)).not.toContain(second.id);
    expect((await store.lessonsWithoutVectors('acme', 10)).map((lesson) => lesson.id)).toEqual([second.id]);
    await store.setLessonVectors(second.id, vectorsOf('avoid the weather radar entirely'));
    expect((await nearestIds('avoid the weather radar entirely'))[0]).toBe(second.id);
    expect(await store.lessonsWithoutVectors('acme', 10)).toEqual([]);

    expect(await store.nearestLessons('acme', 'text', [1, 0, 0], 3)).toBeNull();
    expect(await store.clearLessons('acme')).toBe(39);
    expect(await store.nearestLessons('acme', 'text', hashingEmbedding(first.text), 3)).toEqual([]);
  });
});
