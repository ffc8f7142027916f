// orchestrator: plans the task (purpose 'plan', or 'compose' with llm_composer; a workflow's static
// plan replaces both), gives each subtask a role, and lets the composer pick single vs swarm.
import { composeOutputSchema, parseModelJson, planOutputSchema } from '../../prompts/contract.js';
import { decideComposition } from '../composer.js';
import type { ModelCaller } from '../model-caller.js';
import type { NodeContext } from '../node-context.js';
import { buildComposePrompt, buildPlanPrompt } from '../prompt-builders.js';
import type { RunRuntime } from '../run-runtime.js';
import type { PlannedSubtask, RunState, RunStateUpdate } from '../run-state.js';

const ROLES_OFFERED = 12;

export async function orchestratorNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime, caller } = context;
  const plan = runtime.staticPlan ? staticPlan(runtime) : await modelPlan(state, runtime, caller);
  const decision = decideComposition(runtime, {
    plan,
    task: state.task,
    options: runtime.options,
    forcedMode: runtime.forcedMode,
  });
  context.emit({ event: 'composition', mode: decision.mode, blocked: false, plan: plan.map((step) => step.subtask) });
  return { plan, mode: decision.mode, swarm_decision: decision };
}

/** The roles worth offering for a text: the best matches plus the generalist fallback (not all 100+). */
export function rolesFor(runtime: RunRuntime, text: string) {
  const { roles } = runtime.deps;
  const offered = roles.search(text, { limit: ROLES_OFFERED });
  const fallback = roles.roleFor(text);
  return offered.some((role) => role.name === fallback.name) ? offered : [...offered, fallback];
}

function staticPlan(runtime: RunRuntime): PlannedSubtask[] {
  const { roles } = runtime.deps;
  return (runtime.staticPlan?.steps ?? []).map((step) => ({
    id: step.id,
    subtask: step.subtask,
    role: roles.has(step.role) ? step.role : roles.roleFor(step.subtask).name,
    depends_on: [...step.depends_on],
  }));
}

async function modelPlan(state: RunState, runtime: RunRuntime, caller: ModelCaller): Promise<PlannedSubtask[]> {
  const { roles } = runtime.deps;
  // The fallback for a malformed reply: the whole task as one subtask.
  const whole = (): PlannedSubtask[] => [
    { id: 's1', subtask: state.task, role: roles.roleFor(state.task).name, depends_on: [] },
  ];
  if (runtime.options.llm_composer) {
    const prompt = buildComposePrompt({
      task: state.task,
      roles: rolesFor(runtime, state.task),
      lessons: state.recalled_lessons,
      conversation: state.conversation,
    });
    const reply = await caller.call({
      purpose: 'compose',
      tier: 'planner',
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      json: true,
    });
    const parsed = parseModelJson(reply.text, composeOutputSchema);
    if (!parsed) return whole();
    const ids = new Set<string>();
    return parsed.subtasks.map((entry, index) => {
      // Duplicate or empty ids would make dependencies ambiguous; fall back to positional ids.
      const id = entry.id && !ids.has(entry.id) ? entry.id : `s${index + 1}`;
      ids.add(id);
      return {
        id,
        subtask: entry.subtask,
        role: roles.has(entry.role) ? entry.role : roles.roleFor(entry.subtask).name,
        depends_on: entry.depends_on,
      };
    });
  }
  const prompt = buildPlanPrompt({
    task: state.task,
    lessons: state.recalled_lessons,
    conversation: state.conversation,
  });
  const reply = await caller.call({
    purpose: 'plan',
    tier: 'planner',
    system: prompt.system,
    messages: [{ role: 'user', content: prompt.user }],
    json: true,
  });
  const parsed = parseModelJson(reply.text, planOutputSchema);
  if (!parsed) return whole();
  return parsed.subtasks.map((entry, index) => ({
    id: `s${index + 1}`,
    subtask: entry.subtask,
    role: roles.roleFor(entry.subtask).name,
    depends_on: entry.depends_on.filter((upstream) => upstream !== index).map((upstream) => `s${upstream + 1}`),
  }));
}
