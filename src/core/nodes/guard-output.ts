// guard_output: redacts PII from the final answer, the subtask results and the structured output,
// and reports the tool outputs that were quarantined during the run as input-side violations.
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { type NodeConfig, runtimeOf } from '../node-context.js';
import { quarantineViolations } from '../tool-output-screening.js';

export async function guardOutputNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const { guardrails } = runtimeOf(config).deps;
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
