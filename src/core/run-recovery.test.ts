// Every run ends: runs stranded by a dead process (expired lease) are taken over by another process
// sharing the store — an interactive run continues from its last checkpoint (a side effect that
// already ran is not run again; one approved but not yet run runs once), an auto-approved run is
// marked failed with `interrupted`, and nothing is left running without an owner.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';
import { RUN_OPTION_DEFAULTS } from '../spec/run-options.js';
import { isPending } from '../spec/run-result.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { countingWriter } from './test-support/counting-writer.js';

const PAST = '2000-01-01T00:00:00.000Z';
const SAVE_TASK = 'save a note about water';
const PLAN = JSON.stringify({ subtasks: [{ subtask: SAVE_TASK, depends_on: [] }] });
const plain = { memory: false, guardrails: false } as const;

function scriptedModel(): MockLanguageModel {
  return new MockLanguageModel({
    byPurpose: {
      plan: PLAN,
      worker: { toolCalls: [{ id: 'call-1', name: 'write_memo', arguments: { topic: 'water' } }] },
      finalize: 'Saved the memo about water.',
    },
  });
}

describe('run recovery after a process dies', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function twoProcesses(executions: string[]) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-recovery-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const open = async (owner: string): Promise<Riptide> => {
      const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir }), {
        languageModel: scriptedModel(),
        extraTools: [countingWriter(executions)],
        runService: { owner, leaseMs: 1_000 },
      });
      cleanups.push(() => riptide.close());
      return riptide;
    };
    return { first: await open('first'), survivor: await open('survivor') };
  }

  it('continues an interactive run whose process died mid-resume, running the approved tool once', async () => {
    const executions: string[] = [];
    const { first, survivor } = await twoProcesses(executions);
    const pending = await first.runs.runInteractive({ task: SAVE_TASK, ...plain });
    if (!isPending(pending)) throw new Error('expected the run to stop for approval');
    const record = await first.store.getRun(pending.thread_id);
    // The resume was claimed (the approval recorded) by a process that died before running the tool.
    const claimed = await first.store.claimResume(pending.thread_id, record?.pending_seq ?? 0, {
      input: { approved: true, answer: null },
      owner: 'crashed',
      lease_expires_at: PAST,
    });
    expect(claimed).toBe(true);
    expect(executions).toEqual([]);

    expect(await survivor.runs.recoverStranded()).toEqual([pending.thread_id]);
    await survivor.runs.settled();
    const finished = await survivor.store.getRun(pending.thread_id);
    expect(finished).toMatchObject({ status: 'completed', owner: null, lease_expires_at: null, checkpoint: null });
    expect(finished?.result?.final_answer).toBe('Saved the memo about water.');
    expect(executions).toEqual(['water']);
    // Taking over again finds nothing: the run has ended.
    expect(await survivor.runs.recoverStranded()).toEqual([]);
  });

  it('never runs a side effect twice when the process died after running it', async () => {
    const executions: string[] = [];
    const { first, survivor } = await twoProcesses(executions);
    const pending = await first.runs.runInteractive({ task: SAVE_TASK, ...plain });
    if (!isPending(pending)) throw new Error('expected the run to stop for approval');
    const record = await first.store.getRun(pending.thread_id);
    await first.store.claimResume(pending.thread_id, record?.pending_seq ?? 0, {
      input: { approved: true, answer: null },
      owner: 'crashed',
      lease_expires_at: PAST,
    });
    // The crashed process had run the approved tool and recorded it under the call's idempotency
    // key (thread : subtask : call id) before it died.
    const key = `${pending.thread_id}:0:call-1`;
    expect(await first.store.claimSideEffect(key, pending.thread_id)).toBe(true);
    executions.push('water');
    await first.store.recordSideEffectOutcome(key, { ok: true, output: 'saved a memo about water' });

    await survivor.runs.recoverStranded();
    await survivor.runs.settled();
    const finished = await survivor.store.getRun(pending.thread_id);
    expect(finished?.status).toBe('completed');
    expect(finished?.result?.results[0].tool_calls).toEqual([
      expect.objectContaining({ name: 'write_memo', valid: true, output: 'saved a memo about water' }),
    ]);
    expect(executions).toEqual(['water']);
  });

  it('runs a stranded interactive run that never paused again from the start, up to its approval', async () => {
    const executions: string[] = [];
    const { survivor } = await twoProcesses(executions);
    await survivor.store.createRun({
      thread_id: 'stranded',
      tenant_id: 'default',
      task: SAVE_TASK,
      options: { ...RUN_OPTION_DEFAULTS, task: SAVE_TASK, ...plain },
      interactive: true,
      history: [],
      status: 'running',
      session_id: null,
      workflow_name: null,
      owner: 'crashed',
      lease_expires_at: PAST,
    });
    expect(await survivor.runs.recoverStranded()).toEqual(['stranded']);
    await survivor.runs.settled();
    const record = await survivor.store.getRun('stranded');
    expect(record).toMatchObject({ status: 'pending', owner: null });
    expect(record?.pending_action).toMatchObject({ type: 'tool_approval', tool: 'write_memo' });
    expect(executions).toEqual([]);
    // And it resumes like any paused run.
    const resumed = await survivor.runs.resume('stranded', { approved: true, answer: null });
    expect(isPending(resumed)).toBe(false);
    expect(executions).toEqual(['water']);
  });

  it('marks a stranded auto-approved run failed with `interrupted`, and records its usage', async () => {
    const executions: string[] = [];
    const { survivor } = await twoProcesses(executions);
    await survivor.store.createRun({
      thread_id: 'lost',
      tenant_id: 'acme',
      task: 'compute 21 * 2',
      options: { ...RUN_OPTION_DEFAULTS, task: 'compute 21 * 2', tenant_id: 'acme' },
      interactive: false,
      history: [],
      status: 'running',
      session_id: null,
      workflow_name: null,
      owner: 'crashed',
      lease_expires_at: PAST,
    });
    expect(await survivor.runs.recoverStranded()).toEqual(['lost']);
    await survivor.runs.settled();
    const record = await survivor.store.getRun('lost');
    expect(record?.status).toBe('failed');
    expect(record?.owner).toBeNull();
    expect(record?.result?.error?.code).toBe('interrupted');
    expect(record?.result?.error?.detail).toMatch(/stopped before it finished/);
    const monitoring = await survivor.store.monitoring();
    expect(monitoring.recent.find((usage) => usage.thread_id === 'lost')?.success).toBe(false);
  });

  it('leaves a live owner’s runs alone', async () => {
    const executions: string[] = [];
    const { first, survivor } = await twoProcesses(executions);
    await first.store.createRun({
      thread_id: 'busy',
      tenant_id: 'default',
      task: 'compute 21 * 2',
      options: { ...RUN_OPTION_DEFAULTS, task: 'compute 21 * 2' },
      interactive: false,
      history: [],
      status: 'running',
      session_id: null,
      workflow_name: null,
      owner: 'first',
      lease_expires_at: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(await survivor.runs.recoverStranded()).toEqual([]);
    expect((await survivor.store.getRun('busy'))?.owner).toBe('first');
  });
});
