// Durable human-in-the-loop: approvals, denials, clarifications, exactly-once side effects, and a
// resume from another process. The model is scripted (MockLanguageModel) except in the new-process
// resume, where the CLI's process answers with the offline model.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ResumeError } from '../errors/riptide-error.js';
import { isPending, pendingRunSchema, type RunOutcome, type RunResult } from '../spec/run-result.js';
import { CLI_ENTRY_ARGS } from '../test-support/cli-entry.js';
import type { MockLanguageModelOptions, ScriptedReply } from '../testing/mock-language-model.js';
import { openScriptedRiptide, planReply } from './test-support/scripted-riptide.js';
import { openTestRiptide, type TestRiptide, wrapBuiltinTool } from './test-support/test-riptide.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const plain = { offline: true, memory: false, guardrails: false } as const;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

function countingWriteNote(counter: { calls: number }) {
  return wrapBuiltinTool('write_note', (original) => async (args, context) => {
    counter.calls += 1;
    return original(args, context);
  });
}

const NOTE_CALL_ID = 'call_note';
/** The note-saving run: one subtask whose worker calls write_note (a side-effecting tool). */
const noteScript: MockLanguageModelOptions = {
  byPurpose: {
    plan: planReply('save a note about water'),
    worker: {
      toolCalls: [
        { id: NOTE_CALL_ID, name: 'write_note', arguments: { title: 'water', content: 'Notes about water.' } },
      ],
    },
    finalize: 'Saved a note about water.',
  },
};
/** A worker that asks the human first, then answers with what it was told. */
const askingWorker: ScriptedReply = (call) => {
  const answer = call.toolResults.find((result) => result.toolName === 'ask_human');
  if (answer) return `Paint the fence ${answer.text}.`;
  return { toolCalls: [{ name: 'ask_human', arguments: { question: 'Which colour should the fence be?' } }] };
};
const clarifyScript: MockLanguageModelOptions = {
  byPurpose: {
    plan: planReply('ask me which colour to paint the fence'),
    worker: askingWorker,
    finalize: (call) => call.prompt,
  },
};

function completed(outcome: RunOutcome): RunResult {
  if (isPending(outcome)) throw new Error(`expected a result, got pending ${JSON.stringify(outcome.action)}`);
  return outcome;
}

describe('human in the loop', () => {
  let harness: TestRiptide | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('stops before a side-effecting tool and runs it once after approval', async () => {
    const counter = { calls: 0 };
    harness = await openScriptedRiptide(noteScript, { extraTools: [countingWriteNote(counter)] });
    const { runs, config } = harness.riptide;
    const pending = await runs.runInteractive({ task: 'save a note about water', ...plain });
    if (!isPending(pending)) throw new Error('expected a pending approval');
    expect(pendingRunSchema.parse(pending)).toEqual(pending);
    expect(pending.action).toMatchObject({
      type: 'tool_approval',
      tool: 'write_note',
      subtask: 'save a note about water',
    });
    expect(pending.action.type === 'tool_approval' && pending.action.arguments).toMatchObject({
      content: expect.stringContaining('water'),
    });
    expect(counter.calls).toBe(0);
    expect(filesUnder(config.workspaceDir)).toEqual([]);
    expect(await runs.getRun(pending.thread_id)).toEqual(pending);

    const result = completed(await runs.resume(pending.thread_id, { approved: true, answer: null }));
    expect(result.status).toBe('completed');
    expect(counter.calls).toBe(1);
    expect(filesUnder(config.workspaceDir)).toHaveLength(1);
    expect(result.results[0].tool_calls).toEqual([expect.objectContaining({ name: 'write_note', valid: true })]);
    expect(await runs.getRun(pending.thread_id)).toMatchObject({ status: 'completed', thread_id: pending.thread_id });
    await expect(runs.resume(pending.thread_id, { approved: true, answer: null })).rejects.toBeInstanceOf(ResumeError);
  });

  it('does not run a denied tool and records the denial', async () => {
    const counter = { calls: 0 };
    harness = await openScriptedRiptide(noteScript, { extraTools: [countingWriteNote(counter)] });
    const { runs, config } = harness.riptide;
    const pending = await runs.runInteractive({ task: 'save a note about water', ...plain });
    if (!isPending(pending)) throw new Error('expected a pending approval');
    const result = completed(await runs.resume(pending.thread_id, { approved: false, answer: null }));
    expect(counter.calls).toBe(0);
    expect(filesUnder(config.workspaceDir)).toEqual([]);
    expect(result.results[0].denied).toBe(true);
    expect(result.results[0].tool_calls).toEqual([expect.objectContaining({ name: 'write_note', error: 'denied' })]);
  });

  it('runs the tool once when two resumes race; the loser gets a resume error', async () => {
    const counter = { calls: 0 };
    harness = await openScriptedRiptide(noteScript, { extraTools: [countingWriteNote(counter)] });
    const { runs, config } = harness.riptide;
    const pending = await runs.runInteractive({ task: 'save a note about water', ...plain });
    if (!isPending(pending)) throw new Error('expected a pending approval');
    const outcomes = await Promise.allSettled([
      runs.resume(pending.thread_id, { approved: true, answer: null }),
      runs.resume(pending.thread_id, { approved: true, answer: null }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ResumeError);
    expect(counter.calls).toBe(1);
    expect(filesUnder(config.workspaceDir)).toHaveLength(1);
  });

  it('auto-approves side effects in non-interactive runs, idempotently', async () => {
    const counter = { calls: 0 };
    harness = await openScriptedRiptide(noteScript, { extraTools: [countingWriteNote(counter)] });
    const result = await harness.riptide.runs.runTask({ task: 'save a note about water', ...plain });
    expect(counter.calls).toBe(1);
    const key = `${result.thread_id}:0:${NOTE_CALL_ID}`;
    expect(await harness.riptide.store.getSideEffect(key)).toMatchObject({ thread_id: result.thread_id });
  });

  it('round-trips a clarification, and answers it by default when not interactive', async () => {
    harness = await openScriptedRiptide(clarifyScript);
    const { runs } = harness.riptide;
    const pending = await runs.runInteractive({ task: 'ask me which colour to paint the fence', ...plain });
    if (!isPending(pending) || pending.action.type !== 'clarification') throw new Error('expected a clarification');
    expect(pending.action.question.length).toBeGreaterThan(0);
    const result = completed(await runs.resume(pending.thread_id, { approved: true, answer: 'dark blue' }));
    expect(result.clarifications).toEqual({ [pending.action.question]: 'dark blue' });
    expect(harness.requestsFor('worker').some((request) => request.text.includes('dark blue'))).toBe(true);

    const automatic = await runs.runTask({ task: 'ask me which colour to paint the fence', ...plain });
    expect(Object.values(automatic.clarifications)).toEqual(['proceed on your best assumption']);
  });

  it('resumes in a new process with the original tenant and knobs', async () => {
    harness = await openTestRiptide();
    const dataDir = harness.dataDir;
    const pending = await harness.riptide.runs.runInteractive({
      task: 'save a note about water',
      tenant_id: 'acme',
      critic: true,
      react_steps: 2,
      ...plain,
    });
    if (!isPending(pending)) throw new Error('expected a pending approval');
    await harness.close();
    harness = undefined;

    const { stdout } = await run(
      process.execPath,
      [...CLI_ENTRY_ARGS, 'resume', pending.thread_id, '--approve', '--json', '--data-dir', dataDir],
      { cwd: repoRoot, env: { ...process.env, RIPTIDE_PROVIDER: 'offline' }, timeout: 240_000 },
    );
    const result = JSON.parse(stdout) as RunResult;
    expect(result.status).toBe('completed');
    expect(result.thread_id).toBe(pending.thread_id);
    expect(result.tenant_id).toBe('acme');
    expect(result.verdicts.length).toBeGreaterThan(0);
    expect(result.trace.map((entry) => entry.node)).toContain('critic');
    expect(filesUnder(path.join(dataDir, 'workspace'))).toHaveLength(1);

    harness = await openTestRiptide({ dataDir });
    const costs = await harness.riptide.store.costsByTenant();
    expect(costs.acme.runs).toBe(1);
    // A fresh Node process loading the CLI through tsx: slow on a busy machine.
  }, 240_000);

  it('refuses to resume an unknown thread or a run with nothing pending', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('compute 21 * 2'),
        worker: { toolCalls: [{ name: 'calculator', arguments: { expression: '21 * 2' } }] },
        finalize: 'The answer is 42.',
      },
    });
    const { runs } = harness.riptide;
    await expect(runs.resume('no-such-thread', { approved: true, answer: null })).rejects.toBeInstanceOf(ResumeError);
    const done = await runs.runInteractive({ task: 'compute 21 * 2', ...plain });
    expect(isPending(done)).toBe(false);
    await expect(runs.resume(done.thread_id, { approved: true, answer: null })).rejects.toBeInstanceOf(ResumeError);
  });
});
