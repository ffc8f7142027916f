// What a node needs besides its state: the run's runtime (from LangGraph's `context`), a model
// caller, a subtask environment, and a way to emit stream events (LangGraph's custom stream writer).
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { AgentStateValue, PlannedSubtask } from './graph-state.js';
import { createModelCaller, type ModelCaller } from './model-caller.js';
import type { SubtaskResult } from './run-result.js';
import type { RunRuntime } from './run-runtime.js';
import type { StepEvent } from './run-service.js';
import type { SubtaskEnvironment, UpstreamEntry } from './subtask-runner.js';
import { upstreamOf } from './wave-scheduler.js';

/** Events nodes write to the custom stream; the run service turns them into RunEvents. */
export type NodeStreamEvent =
  | { type: 'node'; name: string; duration_ms: number }
  | { type: 'token'; text: string }
  | ({ type: 'step' } & Omit<StepEvent, 'event'>)
  | { type: 'composition'; mode: 'single' | 'swarm' | 'blocked'; blocked: boolean; plan: string[] };

export type NodeConfig = LangGraphRunnableConfig;

export function runtimeOf(config: NodeConfig): RunRuntime {
  const runtime = config.context as RunRuntime | undefined;
  if (!runtime?.deps) throw new Error('the agent graph was invoked without its run runtime');
  return runtime;
}

export function emit(config: NodeConfig, event: NodeStreamEvent): void {
  config.writer?.(event);
}

export function nodeCaller(config: NodeConfig): { runtime: RunRuntime; caller: ModelCaller } {
  const runtime = runtimeOf(config);
  return { runtime, caller: createModelCaller(runtime) };
}

export function subtaskEnvironment(
  state: AgentStateValue,
  runtime: RunRuntime,
  caller: ModelCaller,
  humanPolicy: SubtaskEnvironment['humanPolicy'],
): SubtaskEnvironment {
  return {
    runtime,
    caller,
    task: state.task,
    lessons: state.recalled_lessons,
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
