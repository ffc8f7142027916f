// Unit tests of the Studio's pure run logic: grouping a run's events into executed nodes, the status a
// person reads for a run, and when a chat reply counts as a failure.
import { describe, expect, it } from 'vitest';
import { runResultSchema } from '../../src/spec/run-result.js';
import type { RunEvent } from '../../studio/src/api/types.js';
import { displayStatus } from '../../studio/src/components/display-status.js';
import { nodeExecutionsFromEvents } from '../../studio/src/runs/node-executions.js';
import { replyFailure } from '../../studio/src/views/reply-failure.js';

const modelCall = (node: string): RunEvent => ({
  event: 'model_call',
  node,
  purpose: 'worker',
  subtask_index: 0,
  provider: 'offline',
  model: 'riptide-offline',
  prompt: 'compute 21 * 2',
  response: '',
  tool_calls: ['calculator'],
  finish_reason: 'tool-calls',
  prompt_tokens: 10,
  completion_tokens: 2,
  cost_usd: 0,
  latency_ms: 3,
});

describe('nodeExecutionsFromEvents', () => {
  it('gives each node the work recorded since the previous node, in order, and a repeated node its own entry', () => {
    const events: RunEvent[] = [
      { event: 'composition', mode: 'single', blocked: false, plan: ['compute 21 * 2'] },
      { event: 'node', name: 'orchestrator', duration_ms: 2 },
      { event: 'step', step_id: null, index: 0, subtask: 'compute 21 * 2', role: 'analyst', status: 'started' },
      modelCall('worker'),
      {
        event: 'tool_call',
        node: 'worker',
        subtask_index: 0,
        tool: 'calculator',
        arguments: { expression: '21 * 2' },
        status: 'ok',
        error_kind: null,
        output: '42',
        duration_ms: 1,
      },
      { event: 'node', name: 'worker', duration_ms: 5 },
      { event: 'node', name: 'worker', duration_ms: 4 },
    ];
    const nodes = nodeExecutionsFromEvents(events);
    expect(nodes.map((node) => [node.index, node.name, node.duration_ms])).toEqual([
      [0, 'orchestrator', 2],
      [1, 'worker', 5],
      [2, 'worker', 4],
    ]);
    expect(nodes[0].modelCalls).toEqual([]);
    expect(nodes[1].steps.map((step) => step.status)).toEqual(['started']);
    expect(nodes[1].modelCalls).toHaveLength(1);
    expect(nodes[1].toolCalls.map((call) => call.output)).toEqual(['42']);
    expect(nodes[2].toolCalls).toEqual([]);
  });
});

describe('displayStatus', () => {
  it('says blocked for a run the guardrail stopped, pending for one waiting, and the status otherwise', () => {
    expect(displayStatus({ status: 'completed', mode: 'blocked' })).toBe('blocked');
    expect(displayStatus({ status: 'completed', blocked: true })).toBe('blocked');
    expect(displayStatus({ status: 'pending_approval' })).toBe('pending');
    expect(displayStatus({ status: 'failed', mode: 'single' })).toBe('failed');
    expect(displayStatus({ status: 'completed', mode: 'swarm' })).toBe('completed');
  });
});

describe('replyFailure', () => {
  const base = runResultSchema.parse({
    status: 'completed',
    thread_id: 't',
    tenant_id: 'default',
    final_answer: '42',
    blocked: false,
    success: true,
    mode: 'single',
    recalled_lessons: [],
    stored_lessons: [],
    tool_calls_total: 1,
    tool_calls_valid: 1,
    structured: null,
    plan: ['compute 21 * 2'],
    roles: ['analyst'],
    results: [],
    verdicts: [],
    swarm_decision: { mode: 'single', reason: 'one step' },
    metrics: {
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      cost_usd: 0,
      latency_ms: 1,
      model_calls: 1,
      failures: { unknown_tool: 0, bad_json: 0, schema_violation: 0 },
    },
    guard_violations: [],
    guard_violations_out: [],
    clarifications: {},
    trace: [],
  });

  it('is null for an ordinary answer', () => {
    expect(replyFailure(base)).toBeNull();
  });

  it("reads the code of an answer that rests on a tool error, a failed run's error, and a block", () => {
    expect(
      replyFailure({ ...base, success: false, final_answer: "ERROR (tool_error): tool 'calculator' failed: 2 +" }),
    ).toEqual({ code: 'tool_error', detail: "tool 'calculator' failed: 2 +" });
    expect(replyFailure({ ...base, status: 'failed', error: { code: 'model_error', detail: 'timeout' } })).toEqual({
      code: 'model_error',
      detail: 'timeout',
    });
    expect(replyFailure({ ...base, blocked: true, mode: 'blocked', final_answer: 'Blocked.' })).toEqual({
      code: 'blocked',
      detail: 'Blocked.',
    });
  });
});
