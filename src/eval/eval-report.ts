// How per-task eval results add up to an EvalReport, and what a CI log shows of the failures.
import type { EvalReport, EvalTaskResult } from '../spec/eval-report.js';

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
