// Two connections to one SQLite file race for the same resume and the same side effect: the
// database's conditional writes must let exactly one of them win, every time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_LEASE, SAMPLE_OWNER, sampleRun } from '../testing/store-fixtures.js';
import { createSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

describe('SQLite store across connections', () => {
  let directory: string;
  let file: string;
  let first: Store;
  let second: Store;

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    file = path.join(directory, 'nested', 'riptide.sqlite');
    first = await createSqliteStore({ file });
    second = await createSqliteStore({ file });
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('opens the file in WAL mode with foreign keys enforced', () => {
    const raw = new Database(file);
    try {
      expect(raw.prepare('PRAGMA journal_mode').raw().get()).toEqual(['wal']);
    } finally {
      raw.close();
    }
  });

  it('lets exactly one of two connections claim each pending resume', async () => {
    const action = { type: 'clarification' as const, question: 'which?', subtask: 's' };
    for (let index = 0; index < 25; index += 1) {
      const threadId = `thread-${index}`;
      await first.createRun(sampleRun(threadId));
      const seq =
        (await second.markRunPending(threadId, SAMPLE_OWNER, action, { next: 'human_clarify', state: {} })) ?? -1;
      const claim = (owner: string) => ({ input: null, owner, lease_expires_at: LIVE_LEASE });
      const claims = await Promise.all([
        first.claimResume(threadId, seq, claim('first')),
        second.claimResume(threadId, seq, claim('second')),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await first.getRun(threadId))?.status).toBe('running');
    }
  });

  it('lets exactly one of two connections claim each side effect', async () => {
    for (let index = 0; index < 25; index += 1) {
      const key = `thread-1:call-${index}`;
      const claims = await Promise.all([
        first.claimSideEffect(key, 'thread-1'),
        second.claimSideEffect(key, 'thread-1'),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
  });

  it('shows one connection’s committed writes to the other', async () => {
    await first.saveWorkflow('shared', { name: 'shared' });
    expect(await second.listWorkflows()).toEqual(['shared']);
  });
});
