import { describe, expect, it } from 'vitest';
import { type EvalTaskResult, evalReportSchema } from '../spec/eval-report.js';
import { describeFailures, summarizeEval } from './eval-report.js';

const task = (overrides: Partial<EvalTaskResult>): EvalTaskResult => ({
  task_id: 't',
  passed: true,
  mode: 'single',
  blocked: false,
  tool_valid_rate: 1,
  notes: [],
  latency_ms: 10,
  total_tokens: 100,
  cost_usd: 0,
  tags: [],
  recalled: null,
  ...overrides,
});

describe('summarizeEval', () => {
  it('adds results up into the contract report', () => {
    const report = summarizeEval('demo', [
      task({ task_id: 'a' }),
      task({ task_id: 'b', mode: 'swarm', total_tokens: 50 }),
      task({ task_id: 'c', mode: 'blocked', blocked: true }),
      task({ task_id: 'd', passed: false, notes: ["answer lacks '42'"], recalled: false }),
      task({ task_id: 'e', recalled: true }),
    ]);
    expect(evalReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      suite: 'demo',
      pass_rate: 0.8,
      n_passed: 4,
      n_total: 5,
      modes: { single: 3, swarm: 1, blocked: 1 },
      blocked: 1,
      learning_recall: 0.5,
      total_tokens: 450,
      latency_ms: 50,
    });
    expect(describeFailures(report)).toEqual(["d: answer lacks '42'"]);
  });

  it('handles an empty run and a suite without recall probes', () => {
    expect(summarizeEval('empty', [])).toMatchObject({ pass_rate: 0, n_total: 0, learning_recall: null });
  });
});
