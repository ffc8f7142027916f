// Test support: PostgreSQL schemas a test file creates for itself (named with a prefix that says
// whose they are), dropped with their pg-boss `<schema>_queue` twins after the file's tests.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { POSTGRES_TEST_URL } from './postgres-test-server.js';

/** Returns a maker of fresh schema names; every name it made is dropped after the file's tests. */
export function throwawayPostgresSchemas(prefix: string): () => string {
  const schemas: string[] = [];
  afterAll(async () => {
    if (schemas.length === 0) return;
    const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await client.connect();
    try {
      for (const schema of schemas) {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      }
    } finally {
      await client.end();
    }
  });
  return () => {
    const schema = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    schemas.push(schema);
    return schema;
  };
}
