// Run notices over LISTEN/NOTIFY: a notice reaches the other processes on the channel through the
// server, and the publishing process's own listeners once — at once, not again when the server
// echoes it back. (The channel needs no tables, so the schema name need not exist.)
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_TEST_URL, postgresReachable } from '../store/test-support/postgres-test-server.js';
import { createPostgresRunNotices } from './postgres-run-notices.js';
import type { RunNotice, RunNotices } from './run-notices.js';

const postgresAvailable = await postgresReachable();

async function waitFor(what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const opened: RunNotices[] = [];
afterEach(async () => {
  for (const notices of opened.splice(0)) await notices.close();
});

describe.skipIf(!postgresAvailable)('run notices on PostgreSQL', () => {
  it('deliver a notice to its own process once, without the round trip, and to the others through the server', async () => {
    const schema = `riptide_notices_${process.pid}`;
    const [here, there] = await Promise.all([
      createPostgresRunNotices({ url: POSTGRES_TEST_URL, schema }),
      createPostgresRunNotices({ url: POSTGRES_TEST_URL, schema }),
    ]);
    opened.push(here, there);
    const seenHere: RunNotice[] = [];
    const seenThere: RunNotice[] = [];
    here.subscribe((notice) => seenHere.push(notice));
    there.subscribe((notice) => seenThere.push(notice));

    here.publish({ kind: 'events', thread_id: 'from-here' });
    // Delivered in this process before any reply from the server could arrive.
    await Promise.resolve();
    expect(seenHere).toEqual([{ kind: 'events', thread_id: 'from-here' }]);
    await waitFor('the other process to hear it', () => seenThere.length === 1);

    // A barrier: the server delivers in order, so once this arrives here, an echo of the first would have too.
    there.publish({ kind: 'cancel', thread_id: 'from-there' });
    await waitFor('this process to hear the other', () => seenHere.length >= 2);
    expect(seenHere).toEqual([
      { kind: 'events', thread_id: 'from-here' },
      { kind: 'cancel', thread_id: 'from-there' },
    ]);
    expect(seenThere).toEqual([
      { kind: 'events', thread_id: 'from-here' },
      { kind: 'cancel', thread_id: 'from-there' },
    ]);
  });
});
