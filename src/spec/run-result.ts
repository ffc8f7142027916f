// RunResult and pending answers: the shapes every surface (library, CLI, HTTP, Studio) returns.
// One zod schema gives the TypeScript type and the OpenAPI description.
import { z } from 'zod';
import { clientToolCallSchema } from './client-tools.js';

export const toolCallRecordSchema = z.object({
  name: z.string(),
  arguments: z.unknown(),
  valid: z.boolean(),
  /** Why the call was invalid or failed (unknown_tool, bad_json, schema_violation, denied, error). */
  error: z.string().optional(),
  /** The tool's output (truncated for storage) when it ran. */
  output: z.string().optional(),
});
export type ToolCallRecord = z.infer<typeof toolCallRecordSchema>;

export const subtaskResultSchema = z.object({
  subtask: z.string(),
  role: z.string(),
  output: z.string(),
  tool_calls: z.array(toolCallRecordSchema),
  /** Set when a human denied a side-effecting tool for this subtask. */
  denied: z.boolean().optional(),
  /** Set when the result rests on a tool error or a denial the model did not get past. */
  failed: z.boolean().optional(),
  handoff: z.object({ from: z.string(), to: z.string(), reason: z.string() }).optional(),
});
export type SubtaskResult = z.infer<typeof subtaskResultSchema>;

export const verdictSchema = z.object({
  subtask: z.string(),
  verdict: z.enum(['pass', 'fail']),
  reason: z.string(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const usageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
});
export type Usage = z.infer<typeof usageSchema>;

export const failureCountsSchema = z.object({
  unknown_tool: z.number().int(),
  bad_json: z.number().int(),
  schema_violation: z.number().int(),
});
export type FailureCounts = z.infer<typeof failureCountsSchema>;

export const runMetricsSchema = z.object({
  usage: usageSchema,
  cost_usd: z.number(),
  latency_ms: z.number(),
  model_calls: z.number().int(),
  failures: failureCountsSchema,
});
export type RunMetrics = z.infer<typeof runMetricsSchema>;

export const guardViolationSchema = z.object({
  guardrail: z.string(),
  kind: z.string(),
  detail: z.string(),
  action: z.enum(['blocked', 'redacted']),
});
export type GuardViolation = z.infer<typeof guardViolationSchema>;

export const swarmDecisionSchema = z.object({
  mode: z.enum(['single', 'swarm']),
  reason: z.string(),
  single_estimate_usd: z.number().optional(),
  swarm_estimate_usd: z.number().optional(),
  single_estimate_ms: z.number().optional(),
  swarm_estimate_ms: z.number().optional(),
});
export type SwarmDecision = z.infer<typeof swarmDecisionSchema>;

export const traceEntrySchema = z.object({ node: z.string(), duration_ms: z.number() });
export type TraceEntry = z.infer<typeof traceEntrySchema>;

export const RUN_MODES = ['single', 'swarm', 'blocked'] as const;
export const runModeSchema = z.enum(RUN_MODES);
export type RunMode = z.infer<typeof runModeSchema>;

/** Narrows a stored mode string (database rows) to the union. */
export function asRunMode(value: string): RunMode {
  return (RUN_MODES as readonly string[]).includes(value) ? (value as RunMode) : 'single';
}

export const runResultSchema = z.object({
  status: z.enum(['completed', 'failed']),
  thread_id: z.string(),
  tenant_id: z.string(),
  final_answer: z.string(),
  blocked: z.boolean(),
  success: z.boolean(),
  mode: runModeSchema,
  recalled_lessons: z.array(z.string()),
  stored_lessons: z.array(z.string()),
  tool_calls_total: z.number().int(),
  tool_calls_valid: z.number().int(),
  structured: z.unknown().nullable(),
  plan: z.array(z.string()),
  roles: z.array(z.string()),
  results: z.array(subtaskResultSchema),
  verdicts: z.array(verdictSchema),
  swarm_decision: swarmDecisionSchema,
  metrics: runMetricsSchema,
  guard_violations: z.array(guardViolationSchema),
  guard_violations_out: z.array(guardViolationSchema),
  clarifications: z.record(z.string(), z.string()),
  trace: z.array(traceEntrySchema),
  /** Set when the run failed (e.g. a model error); absent on success. */
  error: z.object({ code: z.string(), detail: z.string() }).optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const pendingActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('tool_approval'),
    tool: z.string(),
    arguments: z.unknown(),
    subtask: z.string(),
  }),
  z.object({
    type: z.literal('clarification'),
    question: z.string(),
    subtask: z.string(),
  }),
  // The run called the caller's own functions; it continues when the caller sends their results.
  z.object({
    type: z.literal('client_tool_calls'),
    tool_calls: z.array(clientToolCallSchema),
    subtask: z.string(),
  }),
]);
export type PendingAction = z.infer<typeof pendingActionSchema>;

export const pendingRunSchema = z.object({
  status: z.literal('pending_approval'),
  thread_id: z.string(),
  action: pendingActionSchema,
});
export type PendingRun = z.infer<typeof pendingRunSchema>;

export type RunOutcome = RunResult | PendingRun;

export function isPending(outcome: RunOutcome): outcome is PendingRun {
  return outcome.status === 'pending_approval';
}

export const resumeInputSchema = z.object({
  approved: z.boolean().default(true),
  answer: z.string().max(100_000).nullable().default(null),
  /** Results of the client tool calls a run waits on: call id → the function's output. */
  tool_results: z.record(z.string(), z.string().max(1_000_000)).optional(),
});
export type ResumeInput = z.infer<typeof resumeInputSchema>;

/** A run still executing (GET /api/runs/{thread_id} before it finishes or pauses). */
export const runningRunSchema = z.object({ status: z.literal('running'), thread_id: z.string() });
export type RunningRun = z.infer<typeof runningRunSchema>;

/** A background run waiting for a worker, cancelled, or failed without a result (`error` says why). */
export const backgroundRunStatusSchema = z.object({
  status: z.enum(['queued', 'cancelled', 'failed']),
  thread_id: z.string(),
  error: z.string().optional(),
});
export type BackgroundRunStatus = z.infer<typeof backgroundRunStatusSchema>;

/** What looking a run up answers: its result, its pending action, or that it is still running (or queued, cancelled). */
export const runLookupSchema = z.union([
  runResultSchema,
  pendingRunSchema,
  runningRunSchema,
  backgroundRunStatusSchema,
]);
export type RunLookup = z.infer<typeof runLookupSchema>;
