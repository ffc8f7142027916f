// The agent graph end to end through the run service: built-in tools, SQLite store, and a scripted
// model (riptide/testing's MockLanguageModel) that states what each model call answers, so these
// tests check the graph, not the offline model's heuristics (those have their own tests).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/riptide-error.js';
import { readPromptView } from '../models/offline/prompt-view.js';
import { readSection } from '../prompts/sections.js';
import { runResultSchema } from '../spec/run-result.js';
import type { MockLanguageModelOptions, ScriptedReply } from '../testing/mock-language-model.js';
import type { RunEvent } from './run-service.js';
import {
  bySubtask,
  LESSON_REPLY,
  openScriptedRiptide,
  planReply,
  type ScriptedRiptide,
} from './test-support/scripted-riptide.js';
import { recordingTools, wrapBuiltinTool } from './test-support/test-riptide.js';

const plain = { memory: false, guardrails: false } as const;
const ANSWER = 'The answer is 42.';
const calculatorCall: ScriptedReply = { toolCalls: [{ name: 'calculator', arguments: { expression: '21 * 2' } }] };
/** The one-subtask arithmetic run: plan, the worker's calculator call, the answer (and a lesson). */
const computeScript: MockLanguageModelOptions = {
  byPurpose: { plan: planReply('compute 21 * 2'), worker: calculatorCall, finalize: ANSWER, reflect: LESSON_REPLY },
};
/** Two independent subtasks and one that reads both outputs (the uppercase of its upstream section). */
const dependentScript: MockLanguageModelOptions = {
  byPurpose: {
    plan: planReply('compute 21 * 2', 'count the words in hello world', {
      subtask: 'uppercase the result',
      depends_on: [0, 1],
    }),
    worker: bySubtask({
      'compute 21 * 2': calculatorCall,
      'count the words in hello world': { toolCalls: [{ name: 'word_count', arguments: { text: 'hello world' } }] },
      'uppercase the result': (call) => ({
        toolCalls: [{ name: 'uppercase', arguments: { text: readSection(call.prompt, 'upstream') ?? '' } }],
      }),
    }),
    finalize: ANSWER,
  },
};
const verdict = (value: 'pass' | 'fail') => JSON.stringify({ verdict: value, reason: `scripted ${value}` });
const explodingUppercase = () =>
  wrapBuiltinTool('uppercase', () => () => {
    throw new Error('the uppercase engine exploded');
  });
const uppercaseCall: ScriptedReply = { toolCalls: [{ name: 'uppercase', arguments: { text: 'the title' } }] };

describe('the agent graph', () => {
  let harness: ScriptedRiptide | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('computes 21 * 2 in single mode with a valid calculator call', async () => {
    harness = await openScriptedRiptide(computeScript);
    const result = await harness.riptide.runs.runTask({ task: 'compute 21 * 2' });
    expect(runResultSchema.parse(result)).toEqual(result);
    expect(result.status).toBe('completed');
    expect(result.mode).toBe('single');
    expect(result.success).toBe(true);
    expect(result.final_answer).toContain('42');
    const calls = result.results.flatMap((entry) => entry.tool_calls);
    expect(calls).toEqual([
      expect.objectContaining({ name: 'calculator', valid: true, arguments: { expression: '21 * 2' } }),
    ]);
    expect(result.tool_calls_valid).toBe(1);
    expect(result.swarm_decision.mode).toBe('single');
    expect(result.metrics.model_calls).toBeGreaterThanOrEqual(3);
    expect(result.trace.map((entry) => entry.node)).toEqual([
      'guard_input',
      'recall',
      'orchestrator',
      'worker',
      'finalize',
      'reflect',
      'guard_output',
    ]);
    const usage = await harness.riptide.store.costsByTenant();
    expect(usage.default.runs).toBe(1);
  });

  it('runs only orchestrator → worker → finalize when memory, guardrails and critic are off', async () => {
    harness = await openScriptedRiptide(computeScript);
    const result = await harness.riptide.runs.runTask({ task: 'compute 21 * 2', ...plain });
    expect(result.trace.map((entry) => entry.node)).toEqual(['orchestrator', 'worker', 'finalize']);
  });

  it('runs independent subtasks of one wave concurrently in swarm mode', async () => {
    const log: { tool: string; event: 'start' | 'end' }[] = [];
    const script: MockLanguageModelOptions = {
      byPurpose: {
        plan: planReply('search cats', 'count the words in hello big world', 'uppercase the title'),
        worker: bySubtask({
          'search cats': { toolCalls: [{ name: 'kb_search', arguments: { query: 'cats' } }] },
          'count the words in hello big world': {
            toolCalls: [{ name: 'word_count', arguments: { text: 'hello big world' } }],
          },
          'uppercase the title': uppercaseCall,
        }),
        finalize: 'Done.',
      },
    };
    harness = await openScriptedRiptide(script, {
      extraTools: recordingTools(['kb_search', 'word_count', 'uppercase'], log),
    });
    const result = await harness.riptide.runs.runTask({
      task: 'search cats and count the words in hello big world and uppercase the title',
      ...plain,
    });
    expect(result.mode).toBe('swarm');
    expect(result.plan.length).toBeGreaterThanOrEqual(2);
    expect(result.swarm_decision).toMatchObject({ mode: 'swarm' });
    expect(result.swarm_decision.swarm_estimate_ms).toBeLessThan(result.swarm_decision.single_estimate_ms as number);
    const started = log.filter((entry) => entry.event === 'start').length;
    expect(started).toBe(3);
    // Every call started before any ended: they overlapped.
    const firstEnd = log.findIndex((entry) => entry.event === 'end');
    expect(log.slice(0, firstEnd).every((entry) => entry.event === 'start')).toBe(true);
    expect(firstEnd).toBe(3);
    expect(result.results.map((entry) => entry.tool_calls[0]?.name).sort()).toEqual([
      'kb_search',
      'uppercase',
      'word_count',
    ]);
  });

  it('runs dependent waves and shows the dependent subtask its upstream output', async () => {
    harness = await openScriptedRiptide(dependentScript);
    const result = await harness.riptide.runs.runTask({
      task: 'compute 21 * 2 and count the words in hello world then uppercase the result',
      ...plain,
    });
    expect(result.mode).toBe('swarm');
    expect(result.plan).toHaveLength(3);
    const workerPrompts = harness.requestsFor('worker').map((request) => request.text);
    const dependent = workerPrompts.find((text) => readSection(text, 'subtask') === 'uppercase the result');
    expect(dependent).toBeDefined();
    const upstream = readSection(dependent as string, 'upstream') ?? '';
    expect(upstream).toContain('"words":2');
    expect(result.results[2].output).toContain('WORDS');
  });

  it('feeds an invalid call back with react_steps and the model corrects itself', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('use a bogus tool to compute 21 * 2'),
        worker: [{ toolCalls: [{ name: 'bogus_tool', arguments: { expression: '21 * 2' } }] }, calculatorCall, ANSWER],
        finalize: ANSWER,
      },
    });
    const result = await harness.riptide.runs.runTask({
      task: 'use a bogus tool to compute 21 * 2',
      react_steps: 3,
      ...plain,
    });
    expect(result.metrics.failures.unknown_tool).toBe(1);
    const calls = result.results[0].tool_calls;
    expect(calls[0]).toMatchObject({ valid: false, error: 'unknown_tool' });
    expect(calls.some((call) => call.name === 'calculator' && call.valid)).toBe(true);
    expect(result.tool_calls_total).toBe(calls.length);
    expect(result.final_answer).toContain('42');
    const fedBack = harness.requestsFor('worker').some((request) => request.text.includes('ERROR (unknown_tool)'));
    expect(fedBack).toBe(true);
  });

  it('does not feed an invalid call back when no steps remain', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('use a bogus tool to compute 21 * 2'),
        worker: { toolCalls: [{ name: 'bogus_tool', arguments: {} }] },
        finalize: 'I could not compute it.',
      },
    });
    const result = await harness.riptide.runs.runTask({ task: 'use a bogus tool to compute 21 * 2', ...plain });
    expect(result.metrics.failures.unknown_tool).toBe(1);
    expect(harness.requestsFor('worker')).toHaveLength(1);
    expect(result.status).toBe('completed');
  });

  it('takes the majority of vote_k samples for a direct answer', async () => {
    harness = await openScriptedRiptide({
      byPurpose: { plan: planReply('say hello'), vote: ['hello there', 'hi', 'hello there'], finalize: 'hello there' },
    });
    const result = await harness.riptide.runs.runTask({ task: 'say hello', vote_k: 3, ...plain });
    const votes = harness.requestsFor('vote');
    expect(votes).toHaveLength(3);
    expect(harness.requestsFor('worker')).toHaveLength(0);
    expect(result.results[0].output).toBe('hello there');
    expect(result.results[0].tool_calls).toEqual([]);
    expect(result.metrics.model_calls).toBe(5);
  });

  it('abandons the vote when a sample wants a tool and takes the normal path', async () => {
    harness = await openScriptedRiptide({
      byPurpose: {
        plan: planReply('compute 21 * 2'),
        vote: ['42', calculatorCall, '42'],
        worker: calculatorCall,
        finalize: ANSWER,
      },
    });
    const result = await harness.riptide.runs.runTask({ task: 'compute 21 * 2', vote_k: 3, ...plain });
    expect(harness.requestsFor('vote')).toHaveLength(3);
    expect(harness.requestsFor('worker')).toHaveLength(1);
    expect(result.results[0].tool_calls[0]).toMatchObject({ name: 'calculator', valid: true });
    expect(result.final_answer).toContain('42');
  });

  it('emits a structured output valid against final_schema', async () => {
    harness = await openScriptedRiptide({
      byPurpose: { ...computeScript.byPurpose, structured: JSON.stringify({ answer: '21 * 2 = 42', value: 42 }) },
    });
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' }, value: { type: 'number' } },
      required: ['answer', 'value'],
    };
    const result = await harness.riptide.runs.runTask({ task: 'compute 21 * 2', final_schema: schema, ...plain });
    expect(result.structured).toEqual({ answer: '21 * 2 = 42', value: 42 });
    expect(harness.requestsFor('structured').length).toBeGreaterThanOrEqual(1);
  });

  it('rejects an invalid final_schema before the run starts', async () => {
    harness = await openScriptedRiptide({});
    await expect(
      harness.riptide.runs.runTask({ task: 'compute 21 * 2', final_schema: { type: 'no-such-type' }, ...plain }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(harness.requests).toHaveLength(0);
  });

  it('survives a throwing tool; a failed verdict keeps that result out of finalize', async () => {
    harness = await openScriptedRiptide(
      {
        byPurpose: {
          plan: planReply('compute 21 * 2', 'uppercase the title'),
          worker: bySubtask({ 'compute 21 * 2': calculatorCall, 'uppercase the title': uppercaseCall }),
          critic: bySubtask({ 'compute 21 * 2': verdict('pass'), 'uppercase the title': verdict('fail') }),
          finalize: (call) => (call.prompt.includes('42') ? ANSWER : 'no answer'),
        },
      },
      { extraTools: [explodingUppercase()] },
    );
    const result = await harness.riptide.runs.runTask({
      task: 'compute 21 * 2 and uppercase the title',
      critic: true,
      ...plain,
    });
    expect(result.status).toBe('completed');
    const failed = result.results.find((entry) => entry.subtask === 'uppercase the title');
    expect(failed?.tool_calls[0]).toMatchObject({ name: 'uppercase', valid: true, error: 'tool_error' });
    expect(result.verdicts).toHaveLength(2);
    expect(result.verdicts.find((verdict) => verdict.subtask === 'uppercase the title')?.verdict).toBe('fail');
    expect(result.verdicts.find((verdict) => verdict.subtask === 'compute 21 * 2')?.verdict).toBe('pass');
    const finalizePrompt = harness.requestsFor('finalize')[0].text;
    expect(finalizePrompt).toContain('compute 21 * 2');
    expect(finalizePrompt).not.toContain('exploded');
    expect(result.final_answer).toContain('42');
  });

  it('lets the supervisor append corrective subtasks, capped at its round limit', async () => {
    harness = await openScriptedRiptide(
      {
        byPurpose: {
          plan: planReply('uppercase the title'),
          worker: uppercaseCall,
          critic: verdict('fail'),
          supervisor: (call) => {
            const failed = readSection(call.prompt, 'failed') ?? '';
            const subtask = /^- (.+?) ::/m.exec(failed)?.[1] ?? 'uppercase the title';
            return JSON.stringify({ subtasks: [{ subtask: `Retry ${subtask}` }] });
          },
          finalize: 'The title could not be uppercased.',
        },
      },
      { extraTools: [explodingUppercase()], env: { RIPTIDE_SUPERVISOR_MAX_ROUNDS: '2' } },
    );
    const result = await harness.riptide.runs.runTask({ task: 'uppercase the title', supervisor: true, ...plain });
    expect(harness.requestsFor('supervisor')).toHaveLength(2);
    expect(result.plan).toHaveLength(3);
    expect(result.plan.slice(1).every((subtask) => subtask.startsWith('Retry'))).toBe(true);
    expect(result.verdicts).toHaveLength(3);
    expect(result.trace.filter((entry) => entry.node === 'critic')).toHaveLength(3);
  });

  it('streams each subtask of a planned swarm as step events without a step id', async () => {
    harness = await openScriptedRiptide(dependentScript);
    const events: RunEvent[] = [];
    for await (const event of harness.riptide.runs.streamRun({
      task: 'compute 21 * 2 and count the words in hello world then uppercase the result',
      ...plain,
    })) {
      events.push(event);
    }
    const last = events.at(-1);
    if (last?.event !== 'result') throw new Error('expected the result last');
    expect(last.result.mode).toBe('swarm');
    const steps = events.filter((event) => event.event === 'step');
    // Planned subtasks have internal ids only: step_id is null, the index says which subtask it is.
    expect(steps.every((step) => step.step_id === null)).toBe(true);
    expect(steps.map((step) => `${step.index}:${step.status}`).sort()).toEqual([
      '0:completed',
      '0:started',
      '1:completed',
      '1:started',
      '2:completed',
      '2:started',
    ]);
    for (const [index, subtask] of last.result.plan.entries()) {
      const own = steps.filter((step) => step.index === index);
      expect(own.map((step) => step.status)).toEqual(['started', 'completed']);
      expect(own.every((step) => step.subtask === subtask)).toBe(true);
    }
    // The dependent subtask starts only after its upstream finished, all inside swarm_worker.
    const position = (index: number, status: string) =>
      events.findIndex((event) => event.event === 'step' && event.index === index && event.status === status);
    expect(position(0, 'completed')).toBeLessThan(position(2, 'started'));
    expect(position(1, 'completed')).toBeLessThan(position(2, 'started'));
    const swarmNode = events.findIndex((event) => event.event === 'node' && event.name === 'swarm_worker');
    expect(position(2, 'completed')).toBeLessThan(swarmNode);
  });

  it('reports a supervisor’s corrective subtasks as steps without a step id, a workflow’s with its own', async () => {
    harness = await openScriptedRiptide(
      {
        byPurpose: {
          worker: uppercaseCall,
          critic: verdict('fail'),
          supervisor: JSON.stringify({ subtasks: [{ subtask: 'Retry uppercase the title' }] }),
          finalize: 'The title could not be uppercased.',
        },
      },
      { extraTools: [explodingUppercase()], env: { RIPTIDE_SUPERVISOR_MAX_ROUNDS: '1' } },
    );
    const role = harness.riptide.roles.roleFor('uppercase the title').name;
    const events: RunEvent[] = [];
    for await (const event of harness.riptide.runs.streamRun(
      { task: 'uppercase the title', supervisor: true, ...plain },
      { staticPlan: { steps: [{ id: 'upper', subtask: 'uppercase the title', role, depends_on: [] }] } },
    )) {
      events.push(event);
    }
    const steps = events.filter((event) => event.event === 'step');
    expect(steps.map((step) => [step.step_id, step.index, step.status])).toEqual([
      ['upper', 0, 'started'],
      ['upper', 0, 'completed'],
      [null, 1, 'started'],
      [null, 1, 'completed'],
    ]);
    const supervisorNode = events.findIndex((event) => event.event === 'node' && event.name === 'supervisor');
    expect(events.findIndex((event) => event.event === 'step' && event.index === 1)).toBeLessThan(supervisorNode);
  });

  it('streams composition, node timings, finalize token deltas and the result', async () => {
    harness = await openScriptedRiptide(computeScript);
    const events: RunEvent[] = [];
    for await (const event of harness.riptide.runs.streamRun({ task: 'compute 21 * 2', ...plain })) events.push(event);
    // Every model call and tool call is reported as it finishes, in order.
    const calls = events.filter((event) => event.event === 'model_call' || event.event === 'tool_call');
    expect(calls.map((event) => (event.event === 'model_call' ? event.purpose : `tool:${event.tool}`))).toEqual([
      'plan',
      'worker',
      'tool:calculator',
      'finalize',
    ]);
    expect(calls[2]).toMatchObject({ status: 'ok', output: expect.stringContaining('42'), node: 'worker' });
    expect(events.find((event) => event.event !== 'model_call')).toMatchObject({
      event: 'composition',
      mode: 'single',
      blocked: false,
    });
    expect(events.filter((event) => event.event === 'node').map((event) => (event as { name: string }).name)).toEqual([
      'orchestrator',
      'worker',
      'finalize',
    ]);
    const tokens = events.filter((event) => event.event === 'token').map((event) => (event as { text: string }).text);
    const last = events[events.length - 1];
    expect(last.event).toBe('result');
    const answer = (last as { result: { final_answer: string } }).result.final_answer;
    expect(tokens.length).toBeGreaterThanOrEqual(1);
    // The single worker reports its one subtask starting and completing before its own node event.
    const steps = events.filter((event) => event.event === 'step');
    expect(steps).toEqual([
      {
        event: 'step',
        step_id: null,
        index: 0,
        subtask: 'compute 21 * 2',
        role: expect.any(String),
        status: 'started',
      },
      {
        event: 'step',
        step_id: null,
        index: 0,
        subtask: 'compute 21 * 2',
        role: expect.any(String),
        status: 'completed',
      },
    ]);
    const workerNode = events.findIndex((event) => event.event === 'node' && event.name === 'worker');
    expect(events.indexOf(steps[1])).toBeLessThan(workerNode);
    expect(tokens.join('')).toBe(answer);
    // Tokens arrive before finalize's node event: they are streamed, not split afterwards.
    const firstToken = events.findIndex((event) => event.event === 'token');
    const finalizeNode = events.findIndex((event) => event.event === 'node' && event.name === 'finalize');
    expect(firstToken).toBeLessThan(finalizeNode);
  });

  it('streams a direct chat turn with the session history and records its usage', async () => {
    // The scripted reply repeats what the model was told, so the answer shows the history arrived.
    harness = await openScriptedRiptide({
      byPurpose: { chat: (call) => `You told me: ${readPromptView(call.options).userMessages.join(' / ')}` },
    });
    const tokens: string[] = [];
    let done = false;
    for await (const event of harness.riptide.runs.streamChat({
      message: 'what did I say before?',
      history: [
        { role: 'user', content: 'my cat is called Mia' },
        { role: 'assistant', content: 'Nice name.' },
      ],
    })) {
      if (event.event === 'token') tokens.push(event.text);
      else done = true;
    }
    expect(done).toBe(true);
    expect(tokens.join('')).toContain('Mia');
    expect(harness.requestsFor('chat')).toHaveLength(1);
    expect(fs.existsSync(path.join(harness.dataDir, 'riptide.sqlite'))).toBe(true);
  });
});
