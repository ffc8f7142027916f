// human_clarify: asks a human the worker's ask_human question (interrupt first, nothing else before
// it) and hands the answer back to the worker; answers are reported in `clarifications`.
import { interrupt } from '@langchain/langgraph';
import type { PendingAction, ResumeInput } from '../../spec/run-result.js';
import { DEFAULT_CLARIFICATION_ANSWER } from '../control-tools.js';
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { type NodeConfig, nodeCaller, subtaskEnvironment } from '../node-context.js';
import { pendingActionOf } from '../pending-action.js';
import { answerClarification } from '../subtask-actions.js';

export async function humanClarifyNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const waiting = state.active?.waitingFor;
  if (!state.active || waiting?.type !== 'clarification') return {};
  const action = pendingActionOf(state) as PendingAction;
  const decision = interrupt<PendingAction, ResumeInput>(action);
  const { runtime, caller } = nodeCaller(config);
  const env = subtaskEnvironment(state, runtime, caller, 'ask');
  const active = structuredClone(state.active);
  const answer = decision?.answer?.trim() || DEFAULT_CLARIFICATION_ANSWER;
  answerClarification(env, active, waiting.call, waiting.question, answer);
  active.queue.shift();
  active.waitingFor = null;
  return { active, clarifications: env.clarifications };
}
