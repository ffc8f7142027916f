// Runs the Store conformance suite on PostgreSQL (one throwaway schema per store), plus the
// two-connection claim races. Skipped when no server answers at RIPTIDE_TEST_POSTGRES_URL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreConformance } from '../testing/store-conformance.js';
import { LIVE_LEASE, SAMPLE_OWNER, sampleRun } from '../testing/store-fixtures.js';
import { createPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';
import { POSTGRES_TEST_URL, postgresReachable } from './test-support/postgres-test-server.js';

const url = POSTGRES_TEST_URL;

const available = await postgresReachable();
const schemas: string[] = [];
const freshSchema = () => {
  const schema = `riptide_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  schemas.push(schema);
  return schema;
};

afterAll(async () => {
  if (!available || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
});

if (available) {
  runStoreConformance('postgres', (options) => createPostgresStore({ url, schema: freshSchema(), now: options?.now }));

  describe('PostgreSQL store across connections', () => {
    it('lets exactly one of two pools claim each pending resume and side effect', async () => {
      const schema = freshSchema();
      const stores: Store[] = [await createPostgresStore({ url, schema }), await createPostgresStore({ url, schema })];
      try {
        const action = { type: 'clarification' as const, question: 'which?', subtask: 's' };
        for (let index = 0; index < 10; index += 1) {
          const threadId = `thread-${index}`;
          await stores[0].createRun(sampleRun(threadId));
          const seq =
            (await stores[1].markRunPending(threadId, SAMPLE_OWNER, action, { next: 'human_clarify', state: {} })) ??
            -1;
          const resumes = await Promise.all(
            stores.map((store, index) =>
              store.claimResume(threadId, seq, { input: null, owner: `pool-${index}`, lease_expires_at: LIVE_LEASE }),
            ),
          );
          expect(resumes.filter(Boolean)).toHaveLength(1);
          const effects = await Promise.all(stores.map((store) => store.claimSideEffect(`${threadId}:call`, threadId)));
          expect(effects.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });
  });
} else {
  describe.skip(`PostgreSQL store (no server at ${url})`, () => {
    it('is skipped', () => {});
  });
}
