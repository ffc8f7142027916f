// Groups a run's recorded events into the graph nodes it executed, in order: each `node` event closes
// the node that ran, and the step, model-call and tool-call events since the previous one are its work.
import type { ModelCallEvent, RunEvent, StepEvent, ToolCallEvent, TraceEntry } from '../api/types.js';

export interface NodeExecution {
  /** Position in the run (the same node can run several times). */
  index: number;
  name: string;
  duration_ms: number;
  steps: StepEvent[];
  modelCalls: ModelCallEvent[];
  toolCalls: ToolCallEvent[];
}

export function nodeExecutionsFromEvents(events: readonly RunEvent[]): NodeExecution[] {
  const executions: NodeExecution[] = [];
  let steps: StepEvent[] = [];
  let modelCalls: ModelCallEvent[] = [];
  let toolCalls: ToolCallEvent[] = [];
  for (const event of events) {
    if (event.event === 'step') steps.push(event);
    else if (event.event === 'model_call') modelCalls.push(event);
    else if (event.event === 'tool_call') toolCalls.push(event);
    else if (event.event === 'node') {
      executions.push({
        index: executions.length,
        name: event.name,
        duration_ms: event.duration_ms,
        steps,
        modelCalls,
        toolCalls,
      });
      steps = [];
      modelCalls = [];
      toolCalls = [];
    }
  }
  return executions;
}

/** The same shape from a bare node trace (a live stream, or a result without stored events). */
export function nodeExecutionsFromTrace(trace: readonly TraceEntry[]): NodeExecution[] {
  return trace.map((entry, index) => ({
    index,
    name: entry.node,
    duration_ms: entry.duration_ms,
    steps: [],
    modelCalls: [],
    toolCalls: [],
  }));
}
