// supervisor: for the latest round's failed verdicts, asks for corrective subtasks (purpose
// 'supervisor'), appends them to the plan and runs them; the critic then judges them. Capped rounds.
import { parseModelJson, supervisorOutputSchema } from '../../prompts/contract.js';
import type { SubtaskResult } from '../../spec/run-result.js';
import { type NodeContext, subtaskEnvironment } from '../node-context.js';
import { buildSupervisorPrompt } from '../prompt-builders.js';
import type { PlannedSubtask, RunState, RunStateUpdate } from '../run-state.js';
import { stepReporter } from '../step-events.js';
import { runSubtask } from '../subtask-runner.js';
import { latestFailures } from './critic.js';
import { rolesFor } from './orchestrator.js';

export async function supervisorNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime, caller } = context;
  const { roles } = runtime.deps;
  const failed = latestFailures(state).map((verdict) => ({
    subtask: state.results[verdict.index].subtask,
    role: state.results[verdict.index].role,
    reason: verdict.reason,
  }));
  const prompt = buildSupervisorPrompt({
    task: state.task,
    failed,
    roles: rolesFor(runtime, failed.map((entry) => entry.subtask).join('\n')),
  });
  const reply = await caller.call({
    purpose: 'supervisor',
    tier: 'planner',
    system: prompt.system,
    messages: [{ role: 'user', content: prompt.user }],
    json: true,
  });
  const parsed = parseModelJson(reply.text, supervisorOutputSchema);
  const proposals = parsed
    ? parsed.subtasks
    : failed.map((entry) => ({ subtask: `Redo: ${entry.subtask} (${entry.reason})`, role: entry.role }));
  const start = state.plan.length;
  const corrective: PlannedSubtask[] = proposals.map((proposal, offset) => ({
    id: `c${state.supervisor_rounds + 1}.${offset + 1}`,
    subtask: proposal.subtask,
    role: proposal.role && roles.has(proposal.role) ? proposal.role : roles.roleFor(proposal.subtask).name,
    depends_on: [],
    corrective: true,
  }));
  const env = subtaskEnvironment(state, context, runtime.interactive ? 'refuse' : 'auto');
  const steps = stepReporter(context);
  const results: SubtaskResult[] = [...state.results];
  await Promise.all(
    corrective.map(async (step, offset) => {
      const index = start + offset;
      results[index] = await steps.track(index, step, () => runSubtask(env, index, step, []));
    }),
  );
  return {
    plan: [...state.plan, ...corrective],
    results,
    cursor: start + corrective.length,
    round_start: start,
    supervisor_rounds: state.supervisor_rounds + 1,
    clarifications: env.clarifications,
  };
}

/** After the critic: correct failures while rounds remain, else finalize. */
export function afterCritic(state: RunState, supervisorEnabled: boolean, maxRounds: number): 'supervisor' | 'finalize' {
  if (!supervisorEnabled || state.supervisor_rounds >= maxRounds) return 'finalize';
  return latestFailures(state).length > 0 ? 'supervisor' : 'finalize';
}
