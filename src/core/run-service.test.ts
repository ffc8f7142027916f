// The run service's contract beyond the graph itself: option validation, sessions and history,
// workflow plans, handoff, aborts, stored runs and streamed resumes — on a scripted model.
import { afterEach, describe, expect, it } from 'vitest';
import { RiptideError, ValidationError } from '../errors/riptide-error.js';
import { readSection } from '../prompts/sections.js';
import type { MockLanguageModelOptions, ScriptedReply } from '../testing/mock-language-model.js';
import type { RunEvent } from './run-service.js';
import { bySubtask, openScriptedRiptide, planReply, type ScriptedRiptide } from './test-support/scripted-riptide.js';

const plain = { memory: false, guardrails: false } as const;
const ANSWER = 'The answer is 42.';
const calculatorCall: ScriptedReply = { toolCalls: [{ name: 'calculator', arguments: { expression: '21 * 2' } }] };
const computeScript: MockLanguageModelOptions = {
  byPurpose: { plan: planReply('compute 21 * 2'), worker: calculatorCall, finalize: ANSWER },
};
const noteCall: ScriptedReply = {
  toolCalls: [{ name: 'write_note', arguments: { title: 'water', content: 'Notes about water.' } }],
};

describe('the run service', () => {
  let harness: ScriptedRiptide | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('offers connected MCP tools to roles whose allow-list predates them', async () => {
    // The worker calls the MCP tool only if it was offered; otherwise it answers without tools.
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('analyze the zorblax index of the word river'),
        worker: (call) =>
          call.tools.includes('zorblax_index') && call.toolResults.length === 0
            ? { toolCalls: [{ name: 'zorblax_index', arguments: { word: 'river' } }] }
            : 'no zorblax tool was offered',
        finalize: 'The zorblax index of river is 15.',
      },
    });
    const { runs, tools, roles } = harness.riptide;
    const subtask = 'analyze the zorblax index of the word river';
    expect(roles.roleFor(subtask).tools).not.toBeNull();
    tools.addDynamic(
      {
        name: 'zorblax_index',
        version: '1.0.0',
        description: 'Analyze the zorblax index of a word.',
        category: 'mcp',
        tags: ['mcp', 'zorblax'],
        json_schema: {
          type: 'object',
          properties: { word: { type: 'string', description: 'the word', maxLength: 100 } },
          required: ['word'],
          additionalProperties: false,
        },
        side_effecting: false,
        handler: ({ word }: { word: string }) => `zorblax index ${word.length * 3}`,
      },
      'test-mcp-server',
    );
    const result = await runs.runTask({ task: subtask, ...plain });
    expect(result.roles).toEqual([roles.roleFor(subtask).name]);
    expect(result.results[0].tool_calls.map((call) => call.name)).toContain('zorblax_index');
  });

  it('rejects invalid run options with a ValidationError naming the field', async () => {
    harness = await openScriptedRiptide({});
    const error = await harness.riptide.runs.runTask({ task: 'compute 21 * 2', vote_k: 99 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]).toMatch(/^vote_k: /);
  });

  it('gives prior turns as conversation context and appends the session turn', async () => {
    harness = await openScriptedRiptide(computeScript);
    const { runs, store } = harness.riptide;
    const result = await runs.runTask(
      { task: 'compute 21 * 2', ...plain },
      {
        sessionId: 'session-1',
        history: [
          { role: 'user', content: 'my favourite number is 7' },
          { role: 'assistant', content: 'Noted.' },
        ],
      },
    );
    const plan = harness.requestsFor('plan')[0].text;
    expect(readSection(plan, 'conversation')).toContain('my favourite number is 7');
    expect(readSection(harness.requestsFor('finalize')[0].text, 'conversation')).toContain('Noted.');
    const turns = await store.getSessionTurns('session-1');
    expect(turns).toEqual([
      expect.objectContaining({
        task: 'compute 21 * 2',
        final_answer: result.final_answer,
        thread_id: result.thread_id,
      }),
    ]);
  });

  it('bounds the history by tokens, keeping the most recent turns', async () => {
    harness = await openScriptedRiptide(computeScript, { env: { RIPTIDE_HISTORY_MAX_TOKENS: '12' } });
    await harness.riptide.runs.runTask(
      { task: 'compute 21 * 2', ...plain },
      {
        history: [
          { role: 'user', content: 'an old turn that is long enough to fall outside the token bound for sure' },
          { role: 'user', content: 'recent turn' },
        ],
      },
    );
    const conversation = readSection(harness.requestsFor('plan')[0].text, 'conversation') ?? '';
    expect(conversation).toContain('recent turn');
    expect(conversation).not.toContain('an old turn');
  });

  it('runs a workflow’s static plan in forced swarm mode without a planning call', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        worker: bySubtask({
          'compute 21 * 2': calculatorCall,
          'uppercase the result': (call) => ({
            toolCalls: [{ name: 'uppercase', arguments: { text: readSection(call.prompt, 'upstream') ?? '' } }],
          }),
        }),
        finalize: ANSWER,
      },
    });
    const result = await harness.riptide.runs.runTask(
      { task: 'workflow: numbers', ...plain },
      {
        mode: 'swarm',
        workflowName: 'numbers',
        staticPlan: {
          steps: [
            { id: 'a', subtask: 'compute 21 * 2', role: 'analyst', depends_on: [] },
            { id: 'b', subtask: 'uppercase the result', role: 'no-such-role', depends_on: ['a'] },
          ],
        },
      },
    );
    expect(harness.requestsFor('plan')).toHaveLength(0);
    expect(result.mode).toBe('swarm');
    expect(result.swarm_decision.reason).toContain('fixed by the caller');
    expect(result.plan).toEqual(['compute 21 * 2', 'uppercase the result']);
    expect(result.roles[0]).toBe('analyst');
    expect(harness.riptide.roles.has(result.roles[1])).toBe(true);
    const dependent = harness
      .requestsFor('worker')
      .find((request) => readSection(request.text, 'subtask') === 'uppercase the result');
    expect(readSection(dependent?.text ?? '', 'upstream')).toContain('42');
  });

  it('hands a subtask off to another role once', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('write a function that reverses a string'),
        worker: [
          { toolCalls: [{ name: 'handoff', arguments: { role: 'coder', reason: 'this is code' } }] },
          'function reverse(s) { return [...s].reverse().join(""); }',
        ],
        finalize: 'Here is the function.',
      },
    });
    const result = await harness.riptide.runs.runTask({ task: 'write a function that reverses a string', ...plain });
    expect(harness.requestsFor('worker')).toHaveLength(2);
    expect(result.results[0].handoff).toMatchObject({ to: 'coder' });
    expect(result.results[0].role).toBe('coder');
    expect(result.roles).toEqual(['coder']);
  });

  it('keeps the single mode and the composer’s estimates for side-effecting subtasks', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('save a note about water', 'compute 21 * 2'),
        worker: bySubtask({ 'save a note about water': noteCall, 'compute 21 * 2': calculatorCall }),
        finalize: ANSWER,
      },
    });
    const result = await harness.riptide.runs.runTask({ task: 'save a note about water and compute 21 * 2', ...plain });
    expect(result.plan.length).toBe(2);
    expect(result.mode).toBe('single');
    expect(result.swarm_decision.reason).toContain('side-effecting');
    expect(result.swarm_decision.single_estimate_ms).toBeGreaterThan(0);
  });

  it('aborts a run whose signal fires, records it failed and never calls the model after', async () => {
    harness = await openScriptedRiptide(computeScript);
    const controller = new AbortController();
    controller.abort();
    const error = await harness.riptide.runs
      .runTask({ task: 'compute 21 * 2', ...plain }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeDefined();
    expect(RiptideError.is(error) ? error.code : (error as Error).name).toMatch(/aborted|AbortError/);
    expect(harness.requests).toHaveLength(0);
    const [summary] = await harness.riptide.runs.listRuns({});
    expect(summary.status).toBe('failed');
  });

  it('keeps a pending run resumable after its stream is abandoned, and streams the resume', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('save a note about water'),
        worker: noteCall,
        finalize: 'Saved a note about water.',
      },
    });
    const { runs } = harness.riptide;
    const events: RunEvent[] = [];
    for await (const event of runs.streamRun({ task: 'save a note about water', ...plain }, { interactive: true })) {
      events.push(event);
    }
    const pending = events.at(-1);
    if (pending?.event !== 'pending') throw new Error('expected a pending event');
    expect(pending.action).toMatchObject({ type: 'tool_approval', tool: 'write_note' });
    const stored = await runs.getRun(pending.thread_id);
    expect(stored?.status).toBe('pending_approval');
    expect(await runs.listRuns({ status: 'pending' })).toEqual([
      expect.objectContaining({ thread_id: pending.thread_id, status: 'pending' }),
    ]);

    const resumed: RunEvent[] = [];
    for await (const event of runs.streamResume(pending.thread_id, { approved: true, answer: null }))
      resumed.push(event);
    expect(resumed.some((event) => event.event === 'node' && event.name === 'human_approval')).toBe(true);
    expect(resumed.some((event) => event.event === 'token')).toBe(true);
    const last = resumed.at(-1);
    expect(last?.event).toBe('result');
    expect(await runs.getRun(pending.thread_id)).toMatchObject({ status: 'completed', thread_id: pending.thread_id });
  });
});
