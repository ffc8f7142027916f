// What a node needs besides its state: the run's runtime (from LangGraph's `context`), a model
// caller, a subtask environment, and a way to emit stream events (LangGraph's custom stream writer).
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { RunEvent } from '../spec/run-events.js';
import type { SubtaskResult } from '../spec/run-result.js';
import type { AgentStateValue, PlannedSubtask } from './graph-state.js';
import { createModelCaller, type ModelCaller } from './model-caller.js';
import type { RunRuntime } from './run-runtime.js';
import type { SubtaskEnvironment, UpstreamEntry } from './subtask-environment.js';
import { upstreamOf } from './wave-scheduler.js';

export type NodeConfig = LangGraphRunnableConfig;

export function runtimeOf(config: NodeConfig): RunRuntime {
  const runtime = config.context as RunRuntime | undefined;
  if (!runtime?.deps) throw new Error('the agent graph was invoked without its run runtime');
  return runtime;
}

/** Emits a run event on LangGraph's custom stream (dropped when nobody streams 'custom'). */
export function emit(config: NodeConfig, event: RunEvent): void {
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
