import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { RunEvent } from '../core/run-service.js';
import { type RiptideError, ValidationError } from '../errors/riptide-error.js';
import { createRiptide, type RiptideOverrides } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';
import type { WorkflowSpecInput } from '../spec/workflow-spec.js';
import { defineTool } from '../tools/define-tool.js';
import { createWorkflowService } from './workflow-service.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(overrides: RiptideOverrides = {}, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'))) {
  const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dir }), overrides);
  cleanups.push(async () => {
    await riptide.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return riptide;
}

/**
 * Probe tools that meet at a rendezvous: each waits (up to a few seconds) for the other to have
 * started too, so "met" proves both were running at the same time — without timing thresholds.
 */
function probeTools() {
  const started = new Set<string>();
  let releaseAll: () => void = () => undefined;
  const allStarted = new Promise<void>((resolve) => {
    releaseAll = resolve;
  });
  const met: Record<string, boolean> = {};
  const tool = (side: 'left' | 'right') =>
    defineTool({
      name: `probe_${side}`,
      description: `Probes the ${side} branch and returns its ${side} marker`,
      category: 'test',
      tags: ['probe', side],
      parameters: { target: { type: 'string', description: 'what to probe' } },
      handler: async () => {
        started.add(side);
        if (started.size === 2) releaseAll();
        let timer: NodeJS.Timeout | undefined;
        const gaveUp = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), 3_000);
        });
        met[side] = await Promise.race([allStarted.then(() => true as const), gaveUp]);
        clearTimeout(timer);
        return `${side.toUpperCase()}-MARKER-${side === 'left' ? 17 : 29}`;
      },
    });
  return { tools: [tool('left'), tool('right')], met };
}

const diamond = (mode: 'auto' | 'swarm' | 'single' = 'swarm'): WorkflowSpecInput => ({
  name: 'diamond',
  goal: 'probe both branches and combine them',
  mode,
  nodes: [
    { id: 'a', role: 'generalist', subtask: 'outline the plan', label: 'Start', x: 0, y: 0 },
    { id: 'b', role: 'generalist', subtask: 'probe the left branch', label: 'Left', x: -100, y: 100 },
    { id: 'c', role: 'generalist', subtask: 'probe the right branch', label: 'Right', x: 100, y: 100 },
    { id: 'd', role: 'generalist', subtask: 'combine the branch findings', label: 'Combine', x: 0, y: 200 },
  ],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'a', target: 'c' },
    { source: 'b', target: 'd' },
    { source: 'c', target: 'd' },
  ],
});

describe('workflow service', () => {
  it('runs a diamond as waves: b and c concurrently, d sees both outputs', async () => {
    const probes = probeTools();
    const prompts: { purpose: string; text: string }[] = [];
    const riptide = await open({
      extraTools: probes.tools,
      modelOptions: { offline: { onRequest: (purpose, text) => prompts.push({ purpose, text }) } },
    });
    const result = await createWorkflowService(riptide).run({ spec: diamond(), offline: true, memory: false });

    expect(result.status).toBe('completed');
    expect(result.mode).toBe('swarm');
    expect(result.plan).toEqual([
      'outline the plan',
      'probe the left branch',
      'probe the right branch',
      'combine the branch findings',
    ]);
    const output = (subtask: string) => result.results.find((entry) => entry.subtask === subtask)?.output ?? '';
    expect(output('probe the left branch')).toContain('LEFT-MARKER-17');
    expect(output('probe the right branch')).toContain('RIGHT-MARKER-29');
    // Same wave, run concurrently: each probe was still running when the other one started.
    expect(probes.met).toEqual({ left: true, right: true });
    // The blackboard: d's worker prompt carries both upstream outputs.
    const combinePrompt = prompts.find(
      (prompt) => prompt.purpose === 'worker' && prompt.text.includes('combine the branch findings'),
    );
    expect(combinePrompt?.text).toContain('LEFT-MARKER-17');
    expect(combinePrompt?.text).toContain('RIGHT-MARKER-29');
    // The first wave's prompt has no upstream results from later nodes.
    const startPrompt = prompts.find(
      (prompt) => prompt.purpose === 'worker' && prompt.text.includes('outline the plan'),
    );
    expect(startPrompt?.text).not.toContain('MARKER');
    expect((await riptide.store.getRun(result.thread_id))?.workflow_name).toBe('diamond');
  });

  it('honours the spec mode: single runs one agent over the same steps', async () => {
    const riptide = await open();
    const result = await createWorkflowService(riptide).run({ spec: diamond('single'), offline: true, memory: false });
    expect(result.mode).toBe('single');
    expect(result.results.map((entry) => entry.subtask)).toHaveLength(4);
  });

  it('saves, lists, reads, runs by name and deletes', async () => {
    const riptide = await open();
    const workflows = createWorkflowService(riptide);
    const compute = {
      name: 'compute-flow',
      goal: 'compute 21 * 2',
      mode: 'auto' as const,
      nodes: [{ id: 'calc', role: 'analyst', subtask: 'compute 21 * 2', label: 'Calculate', x: 5, y: 6 }],
      edges: [],
    };
    expect(await workflows.save(compute)).toEqual(compute);
    expect(await workflows.list()).toEqual(['compute-flow']);
    expect(await workflows.get('compute-flow')).toEqual(compute);

    const result = await workflows.run({ name: 'compute-flow', offline: true, memory: false, tenant_id: 'acme' });
    expect(result.tenant_id).toBe('acme');
    expect(result.roles).toEqual(['analyst']);
    expect(result.final_answer).toContain('42');
    expect(result.results[0].tool_calls).toEqual([expect.objectContaining({ name: 'calculator', valid: true })]);

    await workflows.delete('compute-flow');
    expect(await workflows.list()).toEqual([]);
    await expect(workflows.delete('compute-flow')).rejects.toMatchObject({ code: 'unknown_workflow' });
    await expect(workflows.run({ name: 'compute-flow', offline: true })).rejects.toMatchObject({
      code: 'unknown_workflow',
    });
  });

  it('refuses invalid specs and requests before running anything', async () => {
    const riptide = await open();
    const workflows = createWorkflowService(riptide);
    const invalid = {
      ...diamond(),
      nodes: [...diamond().nodes, { id: 'a', role: 'nobody', subtask: 'x', label: 'X' }],
    };
    const saving = await workflows.save(invalid).catch((error: unknown) => error);
    expect(saving).toBeInstanceOf(ValidationError);
    expect((saving as ValidationError).problems).toEqual([
      "nodes[4].id: duplicate id 'a' (also nodes[0])",
      "nodes[4].role: unknown role 'nobody'",
    ]);
    expect(await workflows.list()).toEqual([]);
    const neither = await workflows.run({ offline: true }).catch((error: unknown) => error);
    expect((neither as RiptideError).code).toBe('validation_error');
    const both = await workflows.run({ spec: diamond(), name: 'diamond' }).catch((error: unknown) => error);
    expect((both as ValidationError).problems).toEqual(['spec: give either `spec` or `name` (exactly one)']);
    expect(await riptide.runs.listRuns({})).toEqual([]);
  });

  it('opens a saved spec that went stale, but refuses to run it', async () => {
    const riptide = await open();
    const workflows = createWorkflowService(riptide);
    // Saved when a role existed that the catalog no longer has (written straight to the store).
    const stale = {
      ...diamond(),
      name: 'stale',
      nodes: diamond().nodes.map((node) => ({ ...node, role: 'retired-role' })),
    };
    await riptide.store.saveWorkflow('stale', stale);
    expect((await workflows.get('stale')).nodes[0].role).toBe('retired-role');
    const running = await workflows.run({ name: 'stale', offline: true }).catch((error: unknown) => error);
    expect((running as ValidationError).code).toBe('invalid_workflow');
    expect((running as ValidationError).problems).toHaveLength(4);
    expect((running as ValidationError).problems[0]).toBe("nodes[0].role: unknown role 'retired-role'");
  });

  it.each(['swarm', 'single'] as const)(
    'streams a step started/completed for each %s diamond node, in dependency order',
    async (mode) => {
      const riptide: Riptide = await open();
      const events: RunEvent[] = [];
      for await (const event of createWorkflowService(riptide).stream({
        spec: diamond(mode),
        offline: true,
        memory: false,
      })) {
        events.push(event);
      }
      expect(events.at(-1)?.event).toBe('result');
      const steps = events.filter((event) => event.event === 'step');
      // Each node starts once and completes once, and nothing else is reported (no failures, no extra ids).
      expect(steps.map((step) => `${step.step_id}:${step.status}`).sort()).toEqual(
        ['a', 'b', 'c', 'd'].flatMap((id) => [`${id}:completed`, `${id}:started`]),
      );
      const at = (id: string, status: 'started' | 'completed') =>
        events.findIndex((event) => event.event === 'step' && event.step_id === id && event.status === status);
      for (const id of ['a', 'b', 'c', 'd']) expect(at(id, 'started')).toBeLessThan(at(id, 'completed'));
      expect(at('a', 'completed')).toBeLessThan(at('b', 'started'));
      expect(at('a', 'completed')).toBeLessThan(at('c', 'started'));
      expect(at('b', 'completed')).toBeLessThan(at('d', 'started'));
      expect(at('c', 'completed')).toBeLessThan(at('d', 'started'));
      const d = steps.find((step) => step.step_id === 'd');
      expect(d).toEqual({
        event: 'step',
        step_id: 'd',
        index: 3,
        subtask: 'combine the branch findings',
        role: 'generalist',
        status: 'started',
      });
      // Steps happen inside the worker node: all of them before its node event.
      const worker = events.findIndex((event) => event.event === 'node' && event.name.endsWith('worker'));
      expect(at('d', 'completed')).toBeLessThan(worker);
    },
  );

  it.each(['swarm', 'single'] as const)(
    'streams a failed %s step when its subtask throws; dependents never start',
    async (mode) => {
      const riptide: Riptide = await open({
        modelOptions: {
          offline: {
            onRequest: (purpose, text) => {
              if (purpose === 'worker' && text.includes('probe the left branch'))
                throw new Error('the model fell over');
            },
          },
        },
      });
      const events: RunEvent[] = [];
      for await (const event of createWorkflowService(riptide).stream({
        spec: diamond(mode),
        offline: true,
        memory: false,
      })) {
        events.push(event);
      }
      const last = events.at(-1);
      expect(last?.event === 'result' && last.result.status).toBe('failed');
      const statuses = (id: string) =>
        events.flatMap((event) => (event.event === 'step' && event.step_id === id ? [event.status] : []));
      expect(statuses('a')).toEqual(['started', 'completed']);
      expect(statuses('b')).toEqual(['started', 'failed']);
      expect(statuses('d')).toEqual([]);
    },
  );

  it('streams node events and then the result', async () => {
    const riptide: Riptide = await open();
    const events: string[] = [];
    for await (const event of createWorkflowService(riptide).stream({
      spec: diamond('auto'),
      offline: true,
      memory: false,
    })) {
      events.push(event.event === 'node' ? `node:${event.name}` : event.event);
    }
    expect(events).toContain('node:orchestrator');
    expect(events.at(-1)).toBe('result');
    expect(events.indexOf('node:orchestrator')).toBeLessThan(events.indexOf('result'));
  });
});
