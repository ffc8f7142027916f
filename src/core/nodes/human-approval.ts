// human_approval: a side-effecting tool call the human has answered. The run loop pauses before this
// node, so it only ever runs with the human's decision in hand: nothing side-effecting happens before
// the approval, and the approved tool then runs exactly once, guarded by the persisted idempotency
// record (a takeover that repeats this node reuses the recorded output).
import type { NodeContext } from '../node-context.js';
import { subtaskEnvironment } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';
import { denySideEffect, runApprovedSideEffect } from '../subtask-actions.js';

export async function humanApprovalNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const active = state.active;
  const waiting = active?.waitingFor;
  if (!active || waiting?.type !== 'tool_approval') return {};
  const env = subtaskEnvironment(state, context, 'ask');
  const args = waiting.call.rawArguments as Record<string, unknown>;
  if (context.resume?.approved) await runApprovedSideEffect(env, active, waiting.call, args);
  else denySideEffect(env, active, waiting.call, args, 'the human denied this call; do not retry it');
  active.queue.shift();
  active.waitingFor = null;
  return { active };
}
