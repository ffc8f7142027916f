// What a subtask runs with: the run's runtime and model caller, the task and recalled lessons, what
// happens at a human decision, and the clarifications given so far; plus how its role is resolved.
import type { Role } from '../roles/role.js';
import type { RunEvent } from '../spec/run-events.js';
import type { ModelCaller } from './model-caller.js';
import type { RunRuntime } from './run-runtime.js';

export interface SubtaskEnvironment {
  runtime: RunRuntime;
  caller: ModelCaller;
  /** Run events (tool calls) go here. */
  emit(event: RunEvent): void;
  task: string;
  lessons: string[];
  /** Earlier turns of the conversation (rendered), so a follow-up can be answered from them. */
  conversation?: string;
  /**
   * What happens at a side-effecting tool or a clarification: `ask` stops for a human (single-mode
   * interactive runs), `auto` approves / answers by default, `refuse` denies side effects (an
   * interactive swarm, where approvals cannot serialize).
   */
  humanPolicy: 'ask' | 'auto' | 'refuse';
  /** Answers given so far (question → answer); updated in place. */
  clarifications: Record<string, string>;
}

export interface UpstreamEntry {
  subtask: string;
  role: string;
  output: string;
}

export function resolveRole(env: SubtaskEnvironment, name: string): Role {
  const { roles } = env.runtime.deps;
  return roles.get(name) ?? roles.roleFor(name);
}
