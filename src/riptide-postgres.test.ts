// createRiptide on PostgreSQL: runs, usage and LangGraph checkpoints all live in the database, so a
// run paused for approval on one instance resumes on another with a different data directory.
// Skipped when no server answers at RIPTIDE_TEST_POSTGRES_URL.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { createRiptide } from './riptide.js';
import { isPending } from './spec/run-result.js';

const baseUrl = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `riptide_app_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const available = await admin(async () => true).catch(() => false);

afterAll(async () => {
  if (available) await admin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
});

describe.skipIf(!available)('createRiptide with RIPTIDE_DATABASE_URL', () => {
  it('resumes a pending run from another instance that shares only the database', async () => {
    await admin((client) => client.query(`CREATE SCHEMA ${schema}`));
    const url = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const configFor = () =>
      loadConfig({
        RIPTIDE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-pg-')),
        RIPTIDE_DATABASE_URL: url,
        RIPTIDE_PROVIDER: 'offline',
      });

    const first = await createRiptide(configFor());
    const pending = await first.runs.runInteractive({
      task: 'save a note about water',
      tenant_id: 'acme',
      critic: true,
    });
    await first.close();
    expect(isPending(pending)).toBe(true);
    if (!isPending(pending)) return;
    expect(pending.action).toMatchObject({ type: 'tool_approval', tool: 'write_note' });

    const second = await createRiptide(configFor());
    try {
      const result = await second.runs.resume(pending.thread_id, { approved: true, answer: null });
      expect(isPending(result)).toBe(false);
      if (isPending(result)) return;
      expect(result.status).toBe('completed');
      expect(result.tenant_id).toBe('acme');
      expect(result.verdicts.length).toBeGreaterThan(0);
      expect(result.results[0].tool_calls).toContainEqual(expect.objectContaining({ name: 'write_note', valid: true }));
      const costs = await second.store.costsByTenant();
      expect(costs.acme.runs).toBe(1);
    } finally {
      await second.close();
    }
  });
});
