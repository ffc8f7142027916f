// guard_output: redacts PII from the final answer, the subtask results and the structured output.

import type { NodeContext } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';

export async function guardOutputNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { guardrails } = context.runtime.deps;
  const answer = guardrails.checkOutput(state.final_answer);
  const results = guardrails.redactValue(state.results);
  const structured = guardrails.redactValue(state.structured);
  return {
    final_answer: answer.text,
    results: results.value,
    structured: structured.value,
    guard_violations_out: [...answer.violations, ...results.violations, ...structured.violations],
  };
}
