// Test support: the PostgreSQL server tests use (RIPTIDE_TEST_POSTGRES_URL, default the local `test`
// database), and whether it answers — tests that need it are skipped when it does not.
import pg from 'pg';

export const POSTGRES_TEST_URL = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(url = POSTGRES_TEST_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
