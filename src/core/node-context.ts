// What a node receives besides the run state: the run's runtime, the one model caller of the run
// (budget reservations, spend counted into the state), a way to emit run events, and — for the human
// nodes on resume — the human's decision.
import type { RunEvent } from '../spec/run-events.js';
import type { ResumeInput, SubtaskResult } from '../spec/run-result.js';
import type { ModelCaller } from './model-caller.js';
import type { RunRuntime } from './run-runtime.js';
import type { PlannedSubtask, RunState } from './run-state.js';
import type { SubtaskEnvironment, UpstreamEntry } from './subtask-environment.js';
import { upstreamOf } from './wave-scheduler.js';

export interface NodeContext {
  runtime: RunRuntime;
  caller: ModelCaller;
  /** Hands an event to whoever listens (a stream, the run's event log); cheap when nobody does. */
  emit(event: RunEvent): void;
  /** True when someone consumes answer tokens as they arrive (so finalize streams). */
  streaming: boolean;
  /** The human's answer, for the node the run paused before (human_approval / human_clarify). */
  resume: ResumeInput | null;
}

export function subtaskEnvironment(
  state: RunState,
  context: NodeContext,
  humanPolicy: SubtaskEnvironment['humanPolicy'],
): SubtaskEnvironment {
  return {
    runtime: context.runtime,
    caller: context.caller,
    emit: context.emit,
    task: state.task,
    lessons: state.recalled_lessons,
    conversation: state.conversation,
    humanPolicy,
    clarifications: { ...state.clarifications },
  };
}

/** The outputs a plan step depends on, for its Upstream results section (the blackboard). */
export function upstreamEntries(
  plan: readonly PlannedSubtask[],
  results: readonly (SubtaskResult | undefined)[],
  index: number,
): UpstreamEntry[] {
  const entries: UpstreamEntry[] = [];
  for (const upstream of upstreamOf(plan, index)) {
    const result = results[upstream];
    if (result) entries.push({ subtask: result.subtask, role: result.role, output: result.output });
  }
  return entries;
}
