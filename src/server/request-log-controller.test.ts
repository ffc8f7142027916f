import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './test-support/open-test-server.js';

describe('request logging', () => {
  let server: TestServer;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    server = await openTestServer({}, { logger: { level: 'info', stream: destination } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('logs one line per request with method, route, status, duration and thread id, never the task', async () => {
    const task = 'compute 17 * 3 for the confidential-project-walrus';
    const run = await server.app.inject({ method: 'POST', url: '/run', payload: { task, memory: false } });
    const threadId = run.json().thread_id;
    await server.app.inject(`/run/stream?task=${encodeURIComponent(task)}&memory=false`);
    await server.app.inject('/sessions/.bad');

    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([
      expect.objectContaining({
        method: 'POST',
        route: '/run',
        status: 200,
        duration_ms: expect.any(Number),
        thread_id: threadId,
      }),
      expect.objectContaining({ method: 'GET', route: '/run/stream', status: 200, thread_id: expect.any(String) }),
      expect.objectContaining({ method: 'GET', route: '/sessions/:session_id', status: 422 }),
    ]);
    expect(lines.some((line) => line.msg === 'incoming request')).toBe(false);
    expect(JSON.stringify(lines)).not.toContain('walrus');
  });
});
