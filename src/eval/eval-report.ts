// The EvalReport (API.md, POST /api/eval) and how per-task results add up to it.
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

export function summarizeEval(suite: string, results: EvalTaskResult[]): EvalReport {
  const passed = results.filter((result) => result.passed).length;
  const modes: Record<string, number> = {};
  for (const result of results) modes[result.mode] = (modes[result.mode] ?? 0) + 1;
  const probes = results.filter((result) => result.recalled !== null);
  return {
    suite,
    results,
    pass_rate: results.length === 0 ? 0 : passed / results.length,
    n_passed: passed,
    n_total: results.length,
    modes,
    blocked: results.filter((result) => result.blocked).length,
    learning_recall: probes.length === 0 ? null : probes.filter((result) => result.recalled).length / probes.length,
    total_tokens: results.reduce((sum, result) => sum + result.total_tokens, 0),
    latency_ms: results.reduce((sum, result) => sum + result.latency_ms, 0),
  };
}

/** Tasks that did not pass, with their notes: what a CI log should show. */
export function describeFailures(report: EvalReport): string[] {
  return report.results
    .filter((result) => !result.passed)
    .map((result) => `${result.task_id}: ${result.notes.join('; ') || 'failed'}`);
}
