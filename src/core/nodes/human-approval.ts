// human_approval: asks a human to approve a side-effecting tool call. interrupt() comes first — on
// resume LangGraph re-executes this node from its start — and the approved tool then runs exactly
// once, guarded by the persisted idempotency record.
import { interrupt } from '@langchain/langgraph';
import type { PendingAction, ResumeInput } from '../../spec/run-result.js';
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { type NodeConfig, nodeCaller, subtaskEnvironment } from '../node-context.js';
import { pendingActionOf } from '../pending-action.js';
import { denySideEffect, runApprovedSideEffect } from '../subtask-actions.js';

export async function humanApprovalNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const waiting = state.active?.waitingFor;
  if (!state.active || waiting?.type !== 'tool_approval') return {};
  const action = pendingActionOf(state) as PendingAction;
  const decision = interrupt<PendingAction, ResumeInput>(action);
  const { runtime, caller } = nodeCaller(config);
  const env = subtaskEnvironment(state, runtime, caller, 'ask');
  const active = structuredClone(state.active);
  const args = waiting.call.rawArguments as Record<string, unknown>;
  if (decision?.approved) await runApprovedSideEffect(env, active, waiting.call, args);
  else denySideEffect(active, waiting.call, args, 'the human denied this call; do not retry it');
  active.queue.shift();
  active.waitingFor = null;
  return { active };
}
