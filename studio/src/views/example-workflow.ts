// The example a new user can load on an empty Workflows canvas: two independent steps that run in
// parallel, then a step that depends on both — the smallest graph that shows waves and dependencies.
import type { WorkflowSpec } from '../api/types';

export const EXAMPLE_WORKFLOW: WorkflowSpec = {
  name: 'example-research-summary',
  goal: 'compute a figure and research water, then summarize both',
  mode: 'auto',
  nodes: [
    { id: 'n1', role: 'analyst', subtask: 'compute 6 * 7', label: 'Compute', x: 40, y: 20 },
    { id: 'n2', role: 'researcher', subtask: 'look up facts about water', label: 'Research', x: 300, y: 20 },
    { id: 'n3', role: 'scribe', subtask: 'summarize the findings', label: 'Summarize', x: 170, y: 180 },
  ],
  edges: [
    { source: 'n1', target: 'n3' },
    { source: 'n2', target: 'n3' },
  ],
};
