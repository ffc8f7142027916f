// Honest outcomes: a subtask whose result is a tool error or a denial is failed unless the model
// got past it; a run whose answer rests only on failed subtasks has success: false, is never stored
// as a successful lesson, and monitoring counts it as a failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';
import { MockLanguageModel, type ScriptedReply } from '../testing/mock-language-model.js';

const PLAN = JSON.stringify({ subtasks: [{ subtask: 'divide ten by zero', depends_on: [] }] });
const LESSON = JSON.stringify({ lesson: 'Division by zero has no answer; say so.', tags: ['math'] });

describe('honest run outcomes', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(worker: ScriptedReply): Promise<{ riptide: Riptide; model: MockLanguageModel }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-outcomes-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const model = new MockLanguageModel({
      byPurpose: { plan: PLAN, worker, finalize: 'Here is what happened.', reflect: LESSON },
    });
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir }), { languageModel: model });
    cleanups.push(() => riptide.close());
    return { riptide, model };
  }

  it('fails a run whose only subtask ended on a tool error, and remembers it as a failure', async () => {
    const { riptide, model } = await open({
      toolCalls: [{ name: 'calculator', arguments: { expression: 'import("fs")' } }],
    });
    const result = await riptide.runs.runTask({ task: 'divide ten by zero', guardrails: false });
    expect(result.status).toBe('completed');
    expect(result.results[0]).toMatchObject({ failed: true });
    expect(result.results[0].tool_calls[0]).toMatchObject({ name: 'calculator', valid: true, error: 'tool_error' });
    expect(result.success).toBe(false);
    // reflect was told the run failed, and the lesson is stored as a failed one.
    expect(model.callsFor('reflect')[0].prompt).toMatch(/failure: the answer rests on a subtask that failed/);
    const [lesson] = await riptide.store.listLessons('default');
    expect(lesson.success).toBe(false);
    const monitoring = await riptide.store.monitoring();
    expect(monitoring.totals.success_rate).toBe(0);
  });

  it('counts a subtask as recovered when the model got past the error', async () => {
    const { riptide } = await open((call) =>
      call.toolResults.length === 0
        ? { toolCalls: [{ name: 'calculator', arguments: { expression: 'import("fs")' } }] }
        : call.toolResults.length === 1
          ? { toolCalls: [{ name: 'calculator', arguments: { expression: '10 / 4' } }] }
          : 'It is 2.5.',
    );
    const result = await riptide.runs.runTask({ task: 'divide ten by zero', guardrails: false, react_steps: 3 });
    expect(result.results[0].failed).toBeUndefined();
    expect(result.results[0].output).toBe('It is 2.5.');
    expect(result.success).toBe(true);
  });

  it('fails a run whose side effect was denied', async () => {
    const { riptide } = await open({ toolCalls: [{ name: 'write_note', arguments: { title: 't', content: 'c' } }] });
    const pending = await riptide.runs.runInteractive({ task: 'divide ten by zero', guardrails: false, memory: false });
    expect(pending.status).toBe('pending_approval');
    const result = await riptide.runs.resume(pending.thread_id, { approved: false, answer: null });
    if (result.status === 'pending_approval') throw new Error('expected the run to finish');
    expect(result.results[0]).toMatchObject({ denied: true, failed: true });
    expect(result.success).toBe(false);
  });
});
