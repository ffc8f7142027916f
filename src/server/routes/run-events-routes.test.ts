import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEventSchema } from '../../spec/run-events.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

describe('GET /api/runs/{thread_id}/events', () => {
  let server: TestServer;
  let threadId: string;
  beforeAll(async () => {
    server = await openTestServer();
    const response = await server.app.inject({
      method: 'POST',
      url: '/run',
      payload: { task: 'compute 21 * 2 and mail the answer to alice.smith@example.com', memory: false, single: true },
    });
    expect(response.statusCode).toBe(200);
    threadId = response.json().thread_id;
  });
  afterAll(async () => {
    await server.close();
  });

  it("returns the run's node, model-call and tool-call events in order, prompts redacted", async () => {
    const response = await server.app.inject(`/api/runs/${threadId}/events`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { thread_id: string; events: { seq: number; event: unknown }[] };
    expect(body.thread_id).toBe(threadId);
    const events = body.events.map((entry) => runEventSchema.parse(entry.event));
    expect(body.events.map((entry) => entry.seq)).toEqual(body.events.map((_, index) => index));
    const nodes = events.flatMap((event) => (event.event === 'node' ? [event.name] : []));
    expect(nodes).toEqual(expect.arrayContaining(['guard_input', 'orchestrator', 'worker', 'finalize']));
    const calculator = events.find((event) => event.event === 'tool_call' && event.tool === 'calculator');
    expect(calculator).toMatchObject({ status: 'ok', output: expect.stringContaining('42') });
    const modelCalls = events.filter((event) => event.event === 'model_call');
    expect(modelCalls.length).toBeGreaterThan(0);
    for (const call of modelCalls) expect(JSON.stringify(call)).not.toContain('alice.smith@example.com');
  });

  it('`after` returns only later events', async () => {
    const all = (await server.app.inject(`/api/runs/${threadId}/events`)).json().events as { seq: number }[];
    const later = (await server.app.inject(`/api/runs/${threadId}/events?after=1`)).json().events as { seq: number }[];
    expect(later.map((entry) => entry.seq)).toEqual(all.slice(2).map((entry) => entry.seq));
  });

  it('is 404 unknown_run for an unknown thread and 422 for a bad id or cursor', async () => {
    const unknown = await server.app.inject('/api/runs/no-such-thread/events');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_run' });
    expect((await server.app.inject('/api/runs/.hidden/events')).statusCode).toBe(422);
    const badAfter = await server.app.inject(`/api/runs/${threadId}/events?after=soon`);
    expect(badAfter.statusCode).toBe(422);
    expect(badAfter.json()).toMatchObject({ code: 'validation_error' });
  });
});
