import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingRunSchema, runResultSchema } from '../../spec/run-result.js';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

describe('interactive runs and the run list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const start = async (task: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/run/interactive',
      payload: { task, tenant_id: 'hitl' },
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('stops at a side-effecting tool, lists it as pending, and completes on approval', async () => {
    const pending = pendingRunSchema.parse(await start('save a note about water'));
    expect(pending.action.type).toBe('tool_approval');

    const inbox = await server.app.inject('/api/runs?status=pending&tenant_id=hitl');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toEqual([
      expect.objectContaining({ thread_id: pending.thread_id, status: 'pending', pending_action: pending.action }),
    ]);
    const lookup = await server.app.inject(`/api/runs/${pending.thread_id}`);
    expect(lookup.json()).toEqual(pending);

    const resumed = await server.app.inject({
      method: 'POST',
      url: `/api/run/${pending.thread_id}/resume`,
      payload: { approved: true },
    });
    expect(resumed.statusCode).toBe(200);
    const result = runResultSchema.parse(resumed.json());
    expect(result.status).toBe('completed');
    const calls = result.results.flatMap((entry) => entry.tool_calls);
    expect(calls.filter((call) => call.name === (pending.action as { tool: string }).tool)).toHaveLength(1);

    const again = await server.app.inject({
      method: 'POST',
      url: `/api/run/${pending.thread_id}/resume`,
      payload: { approved: true },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'resume_error' });

    const done = await server.app.inject(`/api/runs/${pending.thread_id}`);
    expect(runResultSchema.parse(done.json()).thread_id).toBe(pending.thread_id);
    const recent = await server.app.inject('/api/runs?tenant_id=hitl&limit=5');
    expect(recent.json()[0]).toMatchObject({ thread_id: pending.thread_id, status: 'completed' });
  });

  it('records a denial without running the tool', async () => {
    const pending = pendingRunSchema.parse(await start('save a note about rivers'));
    const resumed = await server.app.inject({
      method: 'POST',
      url: `/api/run/${pending.thread_id}/resume`,
      payload: { approved: false },
    });
    const result = runResultSchema.parse(resumed.json());
    expect(result.results.some((entry) => entry.denied)).toBe(true);
  });

  it('answers resume errors with 400 and unknown runs with 404', async () => {
    const unknown = await server.app.inject({ method: 'POST', url: '/api/run/no-such-thread/resume', payload: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'resume_error' });
    const lookup = await server.app.inject('/api/runs/no-such-thread');
    expect(lookup.statusCode).toBe(404);
    expect(lookup.json()).toMatchObject({ code: 'unknown_run' });
    const badStatus = await server.app.inject('/api/runs?status=lost');
    expect(badStatus.statusCode).toBe(422);
    const badId = await server.app.inject({ method: 'POST', url: '/api/run/.x/resume', payload: {} });
    expect(badId.statusCode).toBe(422);
  });
});
