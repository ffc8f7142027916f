// Turns the graph's final state into the RunResult every surface returns, and a failed run into a
// RunResult carrying its error; also the usage record each run writes.
import { RiptideError } from '../errors/riptide-error.js';
import type { RunResult, SubtaskResult } from '../spec/run-result.js';
import type { UsageRecord } from '../store/store.js';
import { initialRunState, type RunState, type RunTally } from './run-state.js';

export interface ResultContext {
  threadId: string;
  tenantId: string;
  latencyMs: number;
}

/** The results the final answer rests on: those the critic did not fail. */
export function answeredResults(state: RunState): SubtaskResult[] {
  const rejected = new Set(state.verdicts.filter((verdict) => verdict.verdict === 'fail').map((v) => v.index));
  return state.results.filter((result, index) => Boolean(result) && !rejected.has(index));
}

/**
 * Whether a run succeeded: not blocked, an answer, and at least one result it rests on that
 * neither the critic failed nor ended on a tool error or denial the model did not get past.
 */
export function runSucceeded(state: RunState): boolean {
  if (state.blocked || state.final_answer.trim() === '') return false;
  return answeredResults(state).some((result) => !result.failed);
}

export function buildRunResult(state: RunState, context: ResultContext): RunResult {
  const results = state.results.filter((result): result is SubtaskResult => Boolean(result));
  const calls = results.flatMap((result) => result.tool_calls);
  const success = runSucceeded(state);
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

export function metricsOf(metrics: RunTally, latencyMs: number): RunResult['metrics'] {
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
  context: ResultContext & { task: string; partial?: RunState | null },
): RunResult {
  const base = buildRunResult(context.partial ?? initialRunState(context.task, ''), context);
  return {
    ...base,
    status: 'failed',
    success: false,
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
