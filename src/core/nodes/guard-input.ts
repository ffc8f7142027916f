// guard_input: blocks prompt injection (no model is called after a block) and redacts PII from the
// task and the conversation before any model sees them.
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { emit, type NodeConfig, runtimeOf } from '../node-context.js';

export async function guardInputNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const runtime = runtimeOf(config);
  const outcome = await runtime.deps.guardrails.checkInput(state.task, {
    offline: runtime.options.offline,
    signal: runtime.signal,
  });
  if (outcome.blocked) {
    const kinds = [...new Set(outcome.violations.filter((v) => v.action === 'blocked').map((v) => v.kind))];
    emit(config, { event: 'composition', mode: 'blocked', blocked: true, plan: [] });
    return {
      blocked: true,
      mode: 'blocked',
      task: outcome.text,
      guard_violations: outcome.violations,
      final_answer: `Request blocked by input guardrails (${kinds.join(', ') || 'policy'}).`,
      swarm_decision: { mode: 'single', reason: 'blocked by input guardrails before planning' },
      conversation: '',
    };
  }
  const conversation = state.conversation ? await runtime.deps.guardrails.checkOutput(state.conversation) : null;
  return {
    task: outcome.text,
    guard_violations: [...outcome.violations, ...(conversation?.violations ?? [])],
    ...(conversation ? { conversation: conversation.text } : {}),
  };
}
