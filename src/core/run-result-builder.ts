// Turns the graph's final state into the RunResult every surface returns, and a failed run into a
// RunResult carrying its error; also the usage record each run writes.
import { RiptideError } from '../errors/riptide-error.js';
import type { RunResult, SubtaskResult } from '../spec/run-result.js';
import type { UsageRecord } from '../store/store.js';
import type { AgentStateValue, RunMetricsDelta } from './graph-state.js';

export interface ResultContext {
  threadId: string;
  tenantId: string;
  latencyMs: number;
}

export function buildRunResult(state: AgentStateValue, context: ResultContext): RunResult {
  const results = state.results.filter((result): result is SubtaskResult => Boolean(result));
  const calls = results.flatMap((result) => result.tool_calls);
  const failedAll =
    state.verdicts.length > 0 &&
    results.every((_, index) => state.verdicts.some((v) => v.index === index && v.verdict === 'fail'));
  const success = !state.blocked && state.final_answer.trim() !== '' && !failedAll;
  return {
    status: 'completed',
    thread_id: context.threadId,
    tenant_id: context.tenantId,
    final_answer: state.final_answer,
    blocked: state.blocked,
    success,
    mode: state.blocked ? 'blocked' : state.mode,
    recalled_lessons: state.recalled_lessons,
    stored_lessons: state.stored_lessons,
    tool_calls_total: calls.length,
    tool_calls_valid: calls.filter((call) => call.valid).length,
    structured: state.structured ?? null,
    plan: state.plan.map((step) => step.subtask),
    roles: state.plan.map((step, index) => state.results[index]?.role ?? step.role),
    results,
    verdicts: state.verdicts.map((verdict) => ({
      subtask: state.results[verdict.index]?.subtask ?? state.plan[verdict.index]?.subtask ?? '',
      verdict: verdict.verdict,
      reason: verdict.reason,
    })),
    swarm_decision: state.swarm_decision,
    metrics: metricsOf(state.metrics, context.latencyMs),
    guard_violations: state.guard_violations,
    guard_violations_out: state.guard_violations_out,
    clarifications: state.clarifications,
    trace: state.trace,
  };
}

export function metricsOf(metrics: RunMetricsDelta, latencyMs: number): RunResult['metrics'] {
  return {
    usage: {
      prompt_tokens: metrics.prompt_tokens,
      completion_tokens: metrics.completion_tokens,
      total_tokens: metrics.prompt_tokens + metrics.completion_tokens,
    },
    cost_usd: metrics.cost_usd,
    latency_ms: Math.round(latencyMs * 1000) / 1000,
    model_calls: metrics.model_calls,
    failures: {
      unknown_tool: metrics.unknown_tool,
      bad_json: metrics.bad_json,
      schema_violation: metrics.schema_violation,
    },
  };
}

/** A RunResult for a run that stopped with an error (still reported and recorded). */
export function buildFailedResult(
  error: unknown,
  context: ResultContext & { task: string; metrics: RunMetricsDelta; partial?: AgentStateValue | null },
): RunResult {
  const base = context.partial
    ? buildRunResult(context.partial, context)
    : buildRunResult(emptyState(context.task), context);
  return {
    ...base,
    status: 'failed',
    success: false,
    metrics: metricsOf(context.metrics, context.latencyMs),
    error: {
      code: RiptideError.is(error) ? error.code : 'internal_error',
      detail: RiptideError.is(error) ? error.message : 'the run failed unexpectedly',
    },
  };
}

export function usageRecordOf(result: RunResult, task: string): UsageRecord {
  return {
    thread_id: result.thread_id,
    tenant_id: result.tenant_id,
    task,
    mode: result.mode,
    prompt_tokens: result.metrics.usage.prompt_tokens,
    completion_tokens: result.metrics.usage.completion_tokens,
    total_tokens: result.metrics.usage.total_tokens,
    cost_usd: result.metrics.cost_usd,
    latency_ms: result.metrics.latency_ms,
    success: result.success,
    blocked: result.blocked,
    tool_calls_total: result.tool_calls_total,
    tool_calls_valid: result.tool_calls_valid,
    subtask_count: result.plan.length,
  };
}

function emptyState(task: string): AgentStateValue {
  return {
    task,
    conversation: '',
    blocked: false,
    guard_violations: [],
    guard_violations_out: [],
    recalled_lessons: [],
    plan: [],
    mode: 'single',
    swarm_decision: { mode: 'single', reason: 'the run stopped before composing' },
    results: [],
    cursor: 0,
    active: null,
    verdicts: [],
    supervisor_rounds: 0,
    round_start: 0,
    clarifications: {},
    final_answer: '',
    structured: null,
    stored_lessons: [],
    metrics: {
      prompt_tokens: 0,
      completion_tokens: 0,
      cost_usd: 0,
      model_calls: 0,
      unknown_tool: 0,
      bad_json: 0,
      schema_violation: 0,
    },
    trace: [],
  };
}
