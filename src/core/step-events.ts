// Per-subtask progress: a `step` event when a subtask starts and when it ends, so a live view can
// light up the workflow step that is running.

import type { StepEvent } from '../spec/run-events.js';
import type { SubtaskResult } from '../spec/run-result.js';
import type { NodeContext } from './node-context.js';
import type { PlannedSubtask } from './run-state.js';

export interface StepReporter {
  started(index: number, step: PlannedSubtask): void;
  completed(index: number, step: PlannedSubtask, result: SubtaskResult): void;
  failed(index: number, step: PlannedSubtask): void;
  /** Runs one subtask between its `started` and its `completed` (or `failed`, rethrowing) events. */
  track(index: number, step: PlannedSubtask, run: () => Promise<SubtaskResult>): Promise<SubtaskResult>;
}

export function stepReporter(context: NodeContext): StepReporter {
  const { runtime } = context;
  const report = (index: number, step: PlannedSubtask, role: string, status: StepEvent['status']) =>
    context.emit({
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
