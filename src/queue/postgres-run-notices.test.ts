// Run notices over LISTEN/NOTIFY between two processes' worth of connections: a burst published at
// once reaches the other side, every distinct notice in order, while the publishing connection runs
// one statement at a time (pg deprecates queueing queries on a busy client; pg 9 removes it); the
// publishing process's own listeners hear a notice once, at once, not again when the server echoes it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POSTGRES_TEST_URL, postgresReachable } from '../store/test-support/postgres-test-server.js';
import { createPostgresRunNotices } from './postgres-run-notices.js';
import type { RunNotice, RunNotices } from './run-notices.js';

const postgresAvailable = await postgresReachable();
const opened: RunNotices[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((notices) => notices.close()));
});

async function open(schema: string): Promise<RunNotices> {
  const notices = await createPostgresRunNotices({ url: POSTGRES_TEST_URL, schema });
  opened.push(notices);
  return notices;
}

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!postgresAvailable)('PostgreSQL run notices', () => {
  it('sends a burst one statement at a time, and every distinct notice arrives in order', async () => {
    // A channel of its own: the schema only names it.
    const schema = `notices_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const publisher = await open(schema);
    const listener = await open(schema);
    const received: RunNotice[] = [];
    listener.subscribe((notice) => received.push(notice));

    let inFlight = 0;
    let mostInFlight = 0;
    let statements = 0;
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      statements += 1;
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const result = (query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      return result.finally(() => {
        inFlight -= 1;
      }) as never;
    });

    const sent: RunNotice[] = [];
    for (let index = 0; index < 300; index++) {
      const notice: RunNotice = { kind: 'events', thread_id: `thread-${index % 150}` };
      sent.push(notice);
      publisher.publish(notice);
      // A second burst while the first statement is in flight.
      if (index === 100) await new Promise((resolve) => setImmediate(resolve));
    }
    publisher.publish({ kind: 'cancel', thread_id: 'thread-0' });

    const distinct = new Set(sent.map((notice) => notice.thread_id)).size + 1;
    await waitFor(
      'every distinct notice',
      () => new Set(received.map((notice) => JSON.stringify(notice))).size === distinct,
    );
    expect(mostInFlight).toBe(1);
    // Bursts leave together: far fewer statements than notices.
    expect(statements).toBeLessThan(10);
    // Within the first burst (threads 0..100, each once) the order is the order published.
    const firstBurst = received.slice(0, 101).map((notice) => notice.thread_id);
    expect(firstBurst).toEqual(sent.slice(0, 101).map((notice) => notice.thread_id));
    expect(received.at(-1)).toEqual({ kind: 'cancel', thread_id: 'thread-0' });
  });

  it('delivers what was published just before close', async () => {
    const schema = `notices_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const publisher = await createPostgresRunNotices({ url: POSTGRES_TEST_URL, schema });
    const listener = await open(schema);
    const received: RunNotice[] = [];
    listener.subscribe((notice) => received.push(notice));
    publisher.publish({ kind: 'queued', thread_id: 'last-words' });
    await publisher.close();
    await waitFor('the notice published before close', () => received.length === 1);
    expect(received).toEqual([{ kind: 'queued', thread_id: 'last-words' }]);
  });

  it('deliver a notice to its own process once, without the round trip, and to the others through the server', async () => {
    const schema = `notices_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const [here, there] = await Promise.all([open(schema), open(schema)]);
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
