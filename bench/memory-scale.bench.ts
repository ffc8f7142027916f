// Memory at scale: recall and remember latency with N lessons in one tenant, on SQLite (the vector
// index, libsql DiskANN, beside today's anchor — the same store with its index hidden, which ranks
// the 500 most recent lessons) or on PostgreSQL (`--postgres`: no vector index, so the store itself
// is the recent-window path), measured interleaved in one process, plus each piece on its own.
// Lessons are seeded in batches of one transaction each (Store.addLessons), vectors computed once.
// Usage: npx tsx bench/memory-scale.bench.ts [sizes, default 100,10000,100000] [rounds, default 40]
//        [--postgres [url]] (default RIPTIDE_TEST_POSTGRES_URL or the local `test` database)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createMemory } from '../src/memory/create-memory.js';
import { hashingEmbedding } from '../src/memory/hashing-embedding.js';
import { createPostgresStore } from '../src/store/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import type { NewLesson, Store } from '../src/store/store.js';
import { withoutVectorIndex } from '../src/store/test-support/without-vector-index.js';

const flags = process.argv.slice(2).filter((argument) => argument.startsWith('--'));
const positional = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const postgresIndex = process.argv.indexOf('--postgres');
const postgresUrl =
  postgresIndex < 0
    ? undefined
    : process.argv[postgresIndex + 1]?.startsWith('postgres')
      ? process.argv[postgresIndex + 1]
      : (process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const args = positional.filter((argument) => argument !== postgresUrl);
if (flags.some((flag) => flag !== '--postgres')) throw new Error(`unknown flag among ${flags.join(' ')}`);
const sizes = (args[0] ?? '100,10000,100000').split(',').map(Number);
const rounds = Number(args[1] ?? 40);
const SEED_BATCH = 1000;
const TENANT = 'bench';
const WORDS =
  'cache retry timeout deploy parse json schema token budget queue worker index vector search recall database migrate error network latency stream tool agent prompt model cost route validate invoice weather forecast calculator summary citation unit conversion'.split(
    ' ',
  );

// A fixed-seed generator, so every size and run sees the same kind of lessons.
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const phrase = (length: number) =>
  `${Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')} ${Math.floor(random() * 1e6)}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

async function seedLessons(store: Store, count: number) {
  for (let start = 0; start < count; start += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, count - start) }, (_, offset) => {
      const task = phrase(6);
      const text = phrase(10);
      const tags = [WORDS[(start + offset) % WORDS.length]];
      // The document vector is the lesson's stored (offline) embedding too: computed once.
      const document = hashingEmbedding(`${task}\n${text}\n${tags.join(' ')}`);
      const lesson: NewLesson = { tenant_id: TENANT, text, tags, success: true, task, embedding: document };
      return { lesson, vectors: { text: hashingEmbedding(text), document } };
    });
    await store.addLessons(batch);
  }
}

/** A store for one size: a fresh SQLite file, or a fresh schema on the PostgreSQL server. */
async function openStore(): Promise<{ store: Store; seeded: () => Promise<void>; dispose: () => Promise<void> }> {
  if (postgresUrl) {
    const schema = `bench_memory_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const store = await createPostgresStore({ url: postgresUrl, schema });
    const onSchema = async (statement: string) => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(statement);
      await client.end();
    };
    return {
      store,
      // A bulk load leaves PostgreSQL without statistics (autovacuum gathers them later) and its
      // planner then reads every full-text match: measure the plans a running server has.
      seeded: () => onSchema(`ANALYZE ${schema}.lessons`),
      async dispose() {
        await store.close();
        await onSchema(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      },
    };
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-memory-bench-'));
  const store = await createSqliteStore({ file: path.join(directory, 'bench.sqlite') });
  return {
    store,
    seeded: async () => {},
    async dispose() {
      await store.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

for (const size of sizes) {
  const { store, seeded, dispose } = await openStore();
  const seedStart = performance.now();
  await seedLessons(store, size);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  await seeded();
  const indexed = createMemory({ store });
  const anchor = createMemory({ store: withoutVectorIndex(store) });
  // Warm both (the first indexed call also checks for lessons to backfill).
  await indexed.recall(TENANT, phrase(6));
  await anchor.recall(TENANT, phrase(6));

  const figures: Record<string, number[]> = {
    'recall (index)': [],
    'recall (anchor)': [],
    'remember (index)': [],
    'remember (anchor)': [],
    'piece: embedding': [],
    'piece: vector search': [],
    'piece: full-text search': [],
    'piece: recent-window fetch': [],
  };
  for (let round = 0; round < rounds; round += 1) {
    const query = phrase(6);
    const input = (memoryName: string) => ({
      tenantId: TENANT,
      threadId: `${memoryName}-${round}`,
      task: phrase(6),
      finalAnswer: 'ok',
      success: true,
      lesson: phrase(10),
      tags: ['bench'],
    });
    // Alternate which goes first so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? (['index', 'anchor'] as const) : (['anchor', 'index'] as const);
    for (const name of order) {
      const memory = name === 'index' ? indexed : anchor;
      figures[`recall (${name})`].push(await time(() => memory.recall(TENANT, query)));
      figures[`remember (${name})`].push(await time(() => memory.remember(input(name))));
    }
    let vector: number[] = [];
    figures['piece: embedding'].push(
      await time(async () => {
        vector = hashingEmbedding(query);
      }),
    );
    figures['piece: vector search'].push(await time(() => store.nearestLessons(TENANT, 'document', vector, 30)));
    figures['piece: full-text search'].push(await time(() => store.searchLessonsText(TENANT, query, 20)));
    figures['piece: recent-window fetch'].push(await time(() => store.lessonsWithEmbeddings(TENANT, 500)));
  }
  const backend = postgresUrl ? 'PostgreSQL' : 'SQLite';
  console.log(`\n${backend}, ${size} lessons (seeded in ${seedSeconds.toFixed(1)} s), ${rounds} rounds, p50 ms:`);
  for (const [name, values] of Object.entries(figures))
    console.log(`  ${name.padEnd(28)} ${median(values).toFixed(2)}`);
  await dispose();
}
