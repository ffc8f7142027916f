// guard_output: redacts PII from the final answer, the subtask results and the structured output,
// and reports the tool outputs that were quarantined during the run as input-side violations.
import type { NodeContext } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';
import { quarantineViolations } from '../tool-output-screening.js';

export async function guardOutputNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { guardrails } = context.runtime.deps;
  const answer = await guardrails.checkOutput(state.final_answer);
  const results = await guardrails.redactValue(state.results);
  const structured = await guardrails.redactValue(state.structured);
  return {
    final_answer: answer.text,
    results: results.value,
    structured: structured.value,
    guard_violations: [...state.guard_violations, ...quarantineViolations(state.results)],
    guard_violations_out: [...answer.violations, ...results.violations, ...structured.violations],
  };
}
