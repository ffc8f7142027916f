// human_clarify: the worker's ask_human question, answered. The run loop pauses before this node,
// so it runs with the human's answer (or the default when none was given) and hands it back to the
// worker; answers are reported in `clarifications`.
import { DEFAULT_CLARIFICATION_ANSWER } from '../control-tools.js';
import { type NodeContext, subtaskEnvironment } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';
import { answerClarification } from '../subtask-actions.js';

export async function humanClarifyNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const active = state.active;
  const waiting = active?.waitingFor;
  if (!active || waiting?.type !== 'clarification') return {};
  const env = subtaskEnvironment(state, context, 'ask');
  const answer = context.resume?.answer?.trim() || DEFAULT_CLARIFICATION_ANSWER;
  answerClarification(env, active, waiting.call, waiting.question, answer);
  active.queue.shift();
  active.waitingFor = null;
  return { active, clarifications: env.clarifications };
}
