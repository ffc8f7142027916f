import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createRiptide } from '../../riptide.js';
import { buildServer } from '../build-server.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A server over its own riptide on `dir`; close() shuts both, like stopping `riptide serve`. */
async function startApp(dir: string): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dir }));
  const app = await buildServer(riptide, { logger: false });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await riptide.close();
  };
  cleanups.push(close);
  return { app, close };
}

function sseEvents(payload: string): Record<string, unknown>[] {
  return payload
    .split('\n\n')
    .map((frame) => frame.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
}

const pipeline = {
  name: 'pipeline',
  goal: 'compute 21 * 2 and count the words in "one two three"',
  mode: 'swarm',
  nodes: [
    { id: 'calc', role: 'analyst', subtask: 'compute 21 * 2', label: 'Calculate', x: 10, y: 20 },
    { id: 'words', role: 'analyst', subtask: 'count the words in "one two three"', label: 'Count', x: 30, y: 40 },
    { id: 'report', role: 'scribe', subtask: 'summarise the results', label: 'Report', x: 20, y: 90 },
  ],
  edges: [
    { source: 'calc', target: 'report' },
    { source: 'words', target: 'report' },
  ],
};

describe('workflow routes', () => {
  it('saves, lists, reads and deletes workflows, and they survive a server restart', async () => {
    const dir = tempDir();
    const first = await startApp(dir);
    expect((await first.app.inject({ method: 'GET', url: '/api/workflows' })).json()).toEqual([]);
    const saved = await first.app.inject({ method: 'POST', url: '/api/workflows', payload: pipeline });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(pipeline);
    const renamed = { ...pipeline, name: 'second', goal: 'another goal' };
    expect((await first.app.inject({ method: 'POST', url: '/api/workflows', payload: renamed })).statusCode).toBe(200);
    // Upsert: saving under the same name replaces the spec.
    const updated = { ...renamed, goal: 'the updated goal' };
    expect((await first.app.inject({ method: 'POST', url: '/api/workflows', payload: updated })).statusCode).toBe(200);
    await first.close();

    const second = await startApp(dir);
    expect((await second.app.inject({ method: 'GET', url: '/api/workflows' })).json()).toEqual(['pipeline', 'second']);
    const read = await second.app.inject({ method: 'GET', url: '/api/workflows/pipeline' });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(pipeline);
    expect((await second.app.inject({ method: 'GET', url: '/api/workflows/second' })).json().goal).toBe(
      'the updated goal',
    );

    const deleted = await second.app.inject({ method: 'DELETE', url: '/api/workflows/second' });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ status: 'deleted', name: 'second' });
    await second.close();

    const third = await startApp(dir);
    expect((await third.app.inject({ method: 'GET', url: '/api/workflows' })).json()).toEqual(['pipeline']);
  });

  it('answers 404 for unknown names and 422 for bad names, and documents every route', async () => {
    const { app } = await startApp(tempDir());
    const openapi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/workflows',
        '/api/workflows/{name}',
        '/api/workflows/run',
        '/api/workflows/run/stream',
        '/api/eval',
      ]),
    );
    // The stream documents its per-step progress events, in prose and in the frame schema.
    const stream = openapi.paths['/api/workflows/run/stream'].get;
    expect(stream.description).toContain('"event":"step"');
    const frames = JSON.stringify(stream.responses['200'].content['text/event-stream'].schema);
    expect(frames).toContain('"enum":["started","completed","failed"]');
    for (const method of ['GET', 'DELETE'] as const) {
      const missing = await app.inject({ method, url: '/api/workflows/nope' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ detail: "no saved workflow named 'nope'", code: 'unknown_workflow' });
      expect((await app.inject({ method, url: '/api/workflows/.hidden' })).statusCode).toBe(422);
    }
  });

  it('answers 422 listing every problem of an invalid spec', async () => {
    const { app } = await startApp(tempDir());
    const response = await app.inject({
      method: 'POST',
      url: '/api/workflows',
      payload: {
        name: 'broken',
        goal: 'g',
        mode: 'auto',
        nodes: [
          { id: 'a', role: 'analyst', subtask: 'one', label: 'A', x: 0, y: 0 },
          { id: 'a', role: 'wizard', subtask: '', label: '', x: 0, y: 0 },
          { id: 'b', role: 'analyst', subtask: 'two', label: 'B', x: 0, y: 0 },
          { id: 'c', role: 'analyst', subtask: 'three', label: 'C', x: 0, y: 0 },
        ],
        edges: [
          { source: 'b', target: 'b' },
          { source: 'a', target: 'ghost' },
          { source: 'b', target: 'c' },
          { source: 'c', target: 'b' },
        ],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      code: 'invalid_workflow',
      detail: [
        "nodes[1].id: duplicate id 'a' (also nodes[0])",
        "nodes[1].role: unknown role 'wizard'",
        'nodes[1].subtask: must not be empty',
        'nodes[1].label: must not be empty',
        "edges[0]: self-edge, node 'b' depends on itself",
        "edges[1].target: dangling edge, no node with id 'ghost'",
        'edges: cycle b → c → b',
      ],
    });
    const empty = await app.inject({
      method: 'POST',
      url: '/api/workflows',
      payload: { ...pipeline, nodes: [], edges: [] },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().detail).toEqual(['nodes: the workflow is empty (add at least one node)']);
    expect((await app.inject({ method: 'GET', url: '/api/workflows' })).json()).toEqual([]);
  });

  it('runs a workflow by spec and by saved name', async () => {
    const { app } = await startApp(tempDir());
    const bySpec = await app.inject({
      method: 'POST',
      url: '/api/workflows/run',
      payload: { spec: pipeline, offline: true, memory: false },
    });
    expect(bySpec.statusCode).toBe(200);
    const result = bySpec.json();
    expect(result.mode).toBe('swarm');
    expect(result.plan).toEqual(pipeline.nodes.map((node) => node.subtask));
    expect(result.roles).toEqual(['analyst', 'analyst', 'scribe']);
    expect(result.final_answer).toContain('42');

    await app.inject({ method: 'POST', url: '/api/workflows', payload: pipeline });
    const byName = await app.inject({
      method: 'POST',
      url: '/api/workflows/run',
      payload: { name: 'pipeline', offline: true, memory: false, tenant_id: 'team-a' },
    });
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toMatchObject({ tenant_id: 'team-a', plan: result.plan });

    const unknown = await app.inject({
      method: 'POST',
      url: '/api/workflows/run',
      payload: { name: 'ghost', offline: true },
    });
    expect(unknown.statusCode).toBe(404);
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/workflows/run',
      payload: { spec: { ...pipeline, edges: [{ source: 'calc', target: 'calc' }] }, offline: true },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toEqual({
      code: 'invalid_workflow',
      detail: ["edges[0]: self-edge, node 'calc' depends on itself"],
    });
    const neither = await app.inject({ method: 'POST', url: '/api/workflows/run', payload: { offline: true } });
    expect(neither.statusCode).toBe(422);
  });

  it('answers 402 when the tenant is over budget', async () => {
    const dir = tempDir();
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dir, RIPTIDE_TENANT_BUDGETS: '{"broke":0}' }));
    const app = await buildServer(riptide, { logger: false });
    cleanups.push(async () => {
      await app.close();
      await riptide.close();
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/workflows/run',
      payload: { spec: pipeline, offline: true, tenant_id: 'broke' },
    });
    expect(response.statusCode).toBe(402);
    expect(response.json().code).toBe('budget_exceeded');
  });

  it('streams node and step events then the result, by spec or by name', async () => {
    const { app } = await startApp(tempDir());
    const query = new URLSearchParams({ spec: JSON.stringify(pipeline), offline: 'true', memory: 'false' });
    const response = await app.inject({ method: 'GET', url: `/api/workflows/run/stream?${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = sseEvents(response.payload);
    const last = events.at(-1)!;
    expect(last.event).toBe('result');
    expect((last.result as { plan: string[] }).plan).toEqual(pipeline.nodes.map((node) => node.subtask));
    const nodes = events.filter((event) => event.event === 'node');
    expect(nodes.length).toBeGreaterThan(2);
    expect(nodes.every((event) => typeof event.duration_ms === 'number')).toBe(true);
    // Between the node events: each workflow node's step started, then completed, named by its id.
    const steps = events.filter((event) => event.event === 'step');
    expect(events.filter((event) => !['node', 'step'].includes(event.event as string))).toEqual([last]);
    expect(steps).toHaveLength(pipeline.nodes.length * 2);
    for (const [index, node] of pipeline.nodes.entries()) {
      const own = steps.filter((step) => step.step_id === node.id);
      expect(own).toEqual(
        (['started', 'completed'] as const).map((status) => ({
          event: 'step',
          step_id: node.id,
          index,
          subtask: node.subtask,
          role: node.role,
          status,
        })),
      );
    }
    const report = events.findIndex((event) => event.step_id === 'report' && event.status === 'started');
    for (const upstream of ['calc', 'words']) {
      expect(events.findIndex((event) => event.step_id === upstream && event.status === 'completed')).toBeLessThan(
        report,
      );
    }
    expect(nodes.map((event) => event.name)).toEqual(
      expect.arrayContaining(['orchestrator', 'swarm_worker', 'finalize']),
    );

    await app.inject({ method: 'POST', url: '/api/workflows', payload: pipeline });
    const byName = await app.inject({
      method: 'GET',
      url: '/api/workflows/run/stream?name=pipeline&offline=1&memory=0',
    });
    expect(sseEvents(byName.payload).at(-1)?.event).toBe('result');
  });

  it('sends an invalid spec or unknown name as an error event', async () => {
    const { app } = await startApp(tempDir());
    const broken = { ...pipeline, nodes: [], edges: [] };
    const invalid = await app.inject({
      method: 'GET',
      url: `/api/workflows/run/stream?${new URLSearchParams({ spec: JSON.stringify(broken), offline: 'true' })}`,
    });
    expect(invalid.statusCode).toBe(200);
    expect(sseEvents(invalid.payload)).toEqual([
      {
        event: 'error',
        code: 'invalid_workflow',
        detail: ['nodes: the workflow is empty (add at least one node)'],
      },
    ]);
    const notJson = await app.inject({ method: 'GET', url: '/api/workflows/run/stream?spec=%7Bnope' });
    expect(sseEvents(notJson.payload)).toEqual([
      { event: 'error', code: 'invalid_workflow', detail: ['spec: is not valid JSON'] },
    ]);
    const unknown = await app.inject({ method: 'GET', url: '/api/workflows/run/stream?name=ghost' });
    expect(sseEvents(unknown.payload)).toEqual([
      { event: 'error', code: 'unknown_workflow', detail: "no saved workflow named 'ghost'" },
    ]);
    // A malformed flag is a request error, answered before any stream opens.
    expect(
      (await app.inject({ method: 'GET', url: '/api/workflows/run/stream?name=x&offline=maybe' })).statusCode,
    ).toBe(422);
  });
});
