// guard_input: blocks prompt injection (no model is called after a block) and redacts PII from the
// task and the conversation before any model sees them.

import type { NodeContext } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';

export async function guardInputNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime } = context;
  const { guardrails } = runtime.deps;
  const outcome = await guardrails.checkInput(state.task, {
    offline: runtime.options.offline,
    signal: runtime.signal,
  });
  if (outcome.blocked) {
    const kinds = [...new Set(outcome.violations.filter((v) => v.action === 'blocked').map((v) => v.kind))];
    context.emit({ event: 'composition', mode: 'blocked', blocked: true, plan: [] });
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
  const conversation = state.conversation ? await guardrails.checkOutput(state.conversation) : null;
  return {
    task: outcome.text,
    guard_violations: [...outcome.violations, ...(conversation?.violations ?? [])],
    ...(conversation ? { conversation: conversation.text } : {}),
  };
}
