// Per-subtask progress on the custom stream: a `step` event when a subtask starts and when it ends,
// so a live view can light up the workflow step that is running. Like finalize's token deltas, the
// events go through LangGraph's stream writer, which drops them when no one streams 'custom'.

import type { StepEvent } from '../spec/run-events.js';
import type { SubtaskResult } from '../spec/run-result.js';
import type { PlannedSubtask } from './graph-state.js';
import { emit, type NodeConfig } from './node-context.js';
import type { RunRuntime } from './run-runtime.js';

export interface StepReporter {
  started(index: number, step: PlannedSubtask): void;
  completed(index: number, step: PlannedSubtask, result: SubtaskResult): void;
  failed(index: number, step: PlannedSubtask): void;
  /** Runs one subtask between its `started` and its `completed` (or `failed`, rethrowing) events. */
  track(index: number, step: PlannedSubtask, run: () => Promise<SubtaskResult>): Promise<SubtaskResult>;
}

export function stepReporter(config: NodeConfig, runtime: RunRuntime): StepReporter {
  const report = (index: number, step: PlannedSubtask, role: string, status: StepEvent['status']) =>
    emit(config, {
      event: 'step',
      // Only a workflow's own steps have ids a client knows; planned and corrective ids are internal.
      step_id: runtime.staticPlan && !step.corrective ? step.id : null,
      index,
      subtask: step.subtask,
      role,
      status,
    });
  const reporter: StepReporter = {
    started: (index, step) => report(index, step, step.role, 'started'),
    completed: (index, step, result) => report(index, step, result.role, 'completed'),
    failed: (index, step) => report(index, step, step.role, 'failed'),
    async track(index, step, run) {
      reporter.started(index, step);
      try {
        const result = await run();
        reporter.completed(index, step, result);
        return result;
      } catch (error) {
        reporter.failed(index, step);
        throw error;
      }
    },
  };
  return reporter;
}
