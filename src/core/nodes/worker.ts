// worker (single mode): runs the plan's subtasks in order — dependents see upstream outputs — and
// stops, with nothing side-effecting done yet, when a human must approve a tool or answer a question.

import type { SubtaskResult } from '../../spec/run-result.js';
import { type NodeContext, subtaskEnvironment, upstreamEntries } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';
import { stepReporter } from '../step-events.js';
import { advanceSubtask, startSubtask } from '../subtask-runner.js';
import { tryVote } from '../subtask-vote.js';

export async function workerNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime } = context;
  const env = subtaskEnvironment(state, context, runtime.interactive ? 'ask' : 'auto');
  const steps = stepReporter(context);
  const results: SubtaskResult[] = [...state.results];
  let cursor = state.cursor;
  let active = state.active;
  while (cursor < state.plan.length || active) {
    const index = active ? active.index : cursor;
    const step = state.plan[index];
    try {
      // A subtask continued after a human answered already reported its start in an earlier invocation.
      if (!active) {
        steps.started(index, step);
        const upstream = upstreamEntries(state.plan, results, index);
        const voted = await tryVote(env, step, upstream);
        if (voted) {
          results[index] = voted;
          cursor = index + 1;
          steps.completed(index, step, voted);
          continue;
        }
        active = startSubtask(env, index, step, upstream);
      }
      const outcome = await advanceSubtask(env, active);
      if (outcome.kind === 'waiting') {
        return { results, cursor, active: outcome.active, clarifications: env.clarifications };
      }
      results[index] = outcome.result;
      steps.completed(index, step, outcome.result);
    } catch (error) {
      steps.failed(index, step);
      throw error;
    }
    cursor = index + 1;
    active = null;
  }
  return { results, cursor, active: null, clarifications: env.clarifications };
}

/** Where the single-mode worker goes next: a human, or on to review/finalize. */
export function afterWorker(state: RunState): 'human_approval' | 'human_clarify' | 'done' {
  const waiting = state.active?.waitingFor;
  if (waiting?.type === 'tool_approval') return 'human_approval';
  if (waiting?.type === 'clarification') return 'human_clarify';
  return 'done';
}
