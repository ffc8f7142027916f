// guard_output: redacts PII from the final answer, the subtask results and the structured output.
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { type NodeConfig, runtimeOf } from '../node-context.js';

export async function guardOutputNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const { guardrails } = runtimeOf(config).deps;
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
