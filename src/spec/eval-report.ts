// The EvalReport (POST /api/eval, `riptide eval --json`): per-task results and their totals.
import { z } from 'zod';

export const evalTaskResultSchema = z.object({
  task_id: z.string(),
  passed: z.boolean(),
  /** single | swarm | blocked, or `pending` when the run stopped for a human, `error` when it threw. */
  mode: z.string(),
  blocked: z.boolean(),
  /** Valid tool calls / all tool calls; 1 when the run made none (no call was invalid). */
  tool_valid_rate: z.number(),
  /** One line per unmet expectation or error; empty when the task passed. */
  notes: z.array(z.string()),
  latency_ms: z.number(),
  total_tokens: z.number().int(),
  cost_usd: z.number(),
  tags: z.array(z.string()),
  /** For repeated tasks: whether the repeat recalled a lesson; null otherwise. */
  recalled: z.boolean().nullable(),
});
export type EvalTaskResult = z.infer<typeof evalTaskResultSchema>;

export const evalReportSchema = z.object({
  suite: z.string(),
  results: z.array(evalTaskResultSchema),
  pass_rate: z.number(),
  n_passed: z.number().int(),
  n_total: z.number().int(),
  /** How many tasks ended in each mode. */
  modes: z.record(z.string(), z.number().int()),
  /** How many tasks were blocked by the guardrails. */
  blocked: z.number().int(),
  /** Share of repeated tasks whose repeat recalled a lesson; null when the suite has none. */
  learning_recall: z.number().nullable(),
  total_tokens: z.number().int(),
  latency_ms: z.number(),
});
export type EvalReport = z.infer<typeof evalReportSchema>;
