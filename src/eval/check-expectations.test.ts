import { describe, expect, it } from 'vitest';
import type { PendingRun, RunResult } from '../spec/run-result.js';
import { runResultSchema } from '../spec/run-result.js';
import { createArgumentsValidator } from '../tools/tool-arguments-validator.js';
import { checkExpectations } from './check-expectations.js';
import { type EvalExpectations, evalExpectationsSchema } from './eval-suite.js';

// A completed result as the run service returns it (validated against the contract's schema).
function result(overrides: Partial<RunResult> = {}): RunResult {
  return runResultSchema.parse({
    status: 'completed',
    thread_id: 't',
    tenant_id: 'default',
    final_answer: 'The answer is 42.',
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
    results: [
      {
        subtask: 'compute 21 * 2',
        role: 'analyst',
        output: '42',
        tool_calls: [{ name: 'calculator', arguments: { expression: '21 * 2' }, valid: true }],
      },
    ],
    verdicts: [],
    swarm_decision: { mode: 'single', reason: 'one subtask' },
    metrics: {
      usage: { prompt_tokens: 80, completion_tokens: 20, total_tokens: 100 },
      cost_usd: 0.002,
      latency_ms: 5,
      model_calls: 3,
      failures: { unknown_tool: 0, bad_json: 0, schema_violation: 0 },
    },
    guard_violations: [],
    guard_violations_out: [],
    clarifications: {},
    trace: [],
    ...overrides,
  });
}

const pending: PendingRun = {
  status: 'pending_approval',
  thread_id: 't',
  action: { type: 'tool_approval', tool: 'write_note', arguments: { name: 'water' }, subtask: 'save a note' },
};

const check = (expectInput: EvalExpectations, outcome: RunResult | PendingRun = result()) =>
  checkExpectations({
    expect: evalExpectationsSchema.parse(expectInput),
    outcome,
    schemas: createArgumentsValidator(),
  });

describe('checkExpectations', () => {
  it('passes when every expectation holds', () => {
    expect(
      check({
        substring: ['ANSWER', '42'],
        absent: 'error',
        mode: 'single',
        blocked: false,
        tool: 'calculator',
        max_tokens: 100,
        max_cost_usd: 0.01,
      }),
    ).toEqual([]);
  });

  it('notes each unmet expectation', () => {
    expect(
      check({ substring: '43', absent: 'answer', mode: 'swarm', blocked: true, max_tokens: 99, max_cost_usd: 0.001 }),
    ).toEqual([
      "answer lacks '43'",
      "answer contains 'answer', which should be absent",
      'mode is single, expected swarm',
      'expected the input to be blocked',
      'used 100 tokens, more than 99',
      'cost $0.002000, more than $0.001',
    ]);
  });

  it('requires a valid call of the named tool', () => {
    expect(check({ tool: 'word_count' })).toEqual(['tool word_count was not called']);
    const invalid = result({
      results: [
        {
          subtask: 's',
          role: 'analyst',
          output: '',
          tool_calls: [{ name: 'calculator', arguments: {}, valid: false }],
        },
      ],
    });
    expect(check({ tool: 'calculator' }, invalid)).toEqual(['tool calculator was called 1× but never validly']);
  });

  it('validates structured output against the JSON Schema', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    expect(check({ structured: schema }, result({ structured: { answer: '42' } }))).toEqual([]);
    expect(check({ structured: schema }, result({ structured: { answer: 42 } }))).toEqual([
      'structured output invalid: $.answer: must be string',
    ]);
    expect(check({ structured: schema })).toEqual(['no structured output']);
  });

  it('checks approval stops both ways', () => {
    expect(check({ pending: true }, pending)).toEqual([]);
    expect(check({ pending: 'tool_approval' }, pending)).toEqual([]);
    expect(check({ pending: 'clarification' }, pending)).toEqual(['expected a clarification stop, got tool_approval']);
    expect(check({}, pending)).toEqual(['stopped for a human (tool_approval) but no stop was expected']);
    expect(check({ pending: true, substring: 'x' }, pending)).toEqual([
      'run is pending, so substring cannot be checked',
    ]);
    expect(check({ pending: true })).toEqual(['expected a stop for a human (any), run completed']);
  });

  it('counts failing verdicts and recalled lessons', () => {
    const judged = result({
      verdicts: [
        { subtask: 'a', verdict: 'pass', reason: 'ok' },
        { subtask: 'b', verdict: 'fail', reason: 'error' },
      ],
      recalled_lessons: ['use the calculator for arithmetic'],
    });
    expect(check({ failed_verdicts: 1, recalled: true }, judged)).toEqual([]);
    expect(check({ failed_verdicts: 1, recalled: true })).toEqual([
      '0 failing verdicts, expected at least 1',
      'the repeated run recalled no lesson',
    ]);
  });

  it('reports a failed run with its error', () => {
    const failed = result({ status: 'failed', success: false, error: { code: 'model_error', detail: 'boom' } });
    expect(check({}, failed)).toEqual(['run failed: model_error: boom']);
  });
});
