// swarm_worker: runs the plan in dependency waves; the subtasks of a wave run concurrently and
// dependents read their upstream outputs from the blackboard (the Upstream results section).

import type { SubtaskResult } from '../../spec/run-result.js';
import { type NodeContext, subtaskEnvironment, upstreamEntries } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';
import { stepReporter } from '../step-events.js';
import { runSubtask } from '../subtask-runner.js';
import { computeWaves } from '../wave-scheduler.js';

export async function swarmWorkerNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime } = context;
  // Approvals cannot serialize across a concurrent wave, so an interactive swarm refuses side effects.
  const env = subtaskEnvironment(state, context, runtime.interactive ? 'refuse' : 'auto');
  const steps = stepReporter(context);
  const blackboard: (SubtaskResult | undefined)[] = [...state.results];
  for (const wave of computeWaves(state.plan)) {
    await Promise.all(
      wave
        .filter((index) => !blackboard[index])
        .map(async (index) => {
          const upstream = upstreamEntries(state.plan, blackboard, index);
          const step = state.plan[index];
          blackboard[index] = await steps.track(index, step, () => runSubtask(env, index, step, upstream));
        }),
    );
  }
  return {
    results: blackboard as SubtaskResult[],
    cursor: state.plan.length,
    clarifications: env.clarifications,
  };
}
