// worker (single mode): runs the plan's subtasks in order — dependents see upstream outputs — and
// stops, with nothing side-effecting done yet, when a human must approve a tool or answer a question.

import type { SubtaskResult } from '../../spec/run-result.js';
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { type NodeConfig, nodeCaller, subtaskEnvironment, upstreamEntries } from '../node-context.js';
import { stepReporter } from '../step-events.js';
import { advanceSubtask, startSubtask } from '../subtask-runner.js';
import { tryVote } from '../subtask-vote.js';

export async function workerNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const { runtime, caller } = nodeCaller(config);
  const env = subtaskEnvironment(state, runtime, caller, runtime.interactive ? 'ask' : 'auto');
  const steps = stepReporter(config, runtime);
  const results: SubtaskResult[] = [...state.results];
  let cursor = state.cursor;
  // A copy: the checkpointed value must not change under LangGraph's feet.
  let active = state.active ? structuredClone(state.active) : null;
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
        return { results, cursor, active: outcome.active, clarifications: env.clarifications, metrics: caller.metrics };
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
  return { results, cursor, active: null, clarifications: env.clarifications, metrics: caller.metrics };
}

/** Where the single-mode worker goes next: a human, or on to review/finalize. */
export function afterWorker(state: AgentStateValue): 'human_approval' | 'human_clarify' | 'done' {
  const waiting = state.active?.waitingFor;
  if (waiting?.type === 'tool_approval') return 'human_approval';
  if (waiting?.type === 'clarification') return 'human_clarify';
  return 'done';
}
