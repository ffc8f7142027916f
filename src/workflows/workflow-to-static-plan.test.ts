import { describe, expect, it } from 'vitest';
import { validateWorkflow } from './validate-workflow.js';
import { staticPlanWaves, workflowToStaticPlan } from './workflow-to-static-plan.js';

const roles = new Set(['researcher', 'analyst', 'writer']);

describe('workflowToStaticPlan', () => {
  it('replays nodes as steps with roles, labels and dependencies, in dependency order', () => {
    // Drawn out of order on purpose: d first, a last.
    const spec = validateWorkflow(
      {
        name: 'diamond',
        goal: 'report',
        nodes: [
          { id: 'd', role: 'writer', subtask: 'combine', label: 'Combine' },
          { id: 'b', role: 'analyst', subtask: 'left', label: 'Left' },
          { id: 'c', role: 'analyst', subtask: 'right', label: 'Right' },
          { id: 'a', role: 'researcher', subtask: 'gather', label: 'Gather' },
        ],
        edges: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'c' },
          { source: 'b', target: 'd' },
          { source: 'c', target: 'd' },
          { source: 'c', target: 'd' },
        ],
      },
      roles,
    );
    const plan = workflowToStaticPlan(spec);
    expect(plan.steps).toEqual([
      { id: 'a', subtask: 'gather', role: 'researcher', depends_on: [], label: 'Gather' },
      { id: 'b', subtask: 'left', role: 'analyst', depends_on: ['a'], label: 'Left' },
      { id: 'c', subtask: 'right', role: 'analyst', depends_on: ['a'], label: 'Right' },
      { id: 'd', subtask: 'combine', role: 'writer', depends_on: ['b', 'c'], label: 'Combine' },
    ]);
    expect(staticPlanWaves(plan)).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('refuses a cyclic spec that skipped validation', () => {
    const spec = {
      name: 'loop',
      goal: 'g',
      mode: 'auto' as const,
      nodes: [
        { id: 'a', role: 'analyst', subtask: 's', label: 'A', x: 0, y: 0 },
        { id: 'b', role: 'analyst', subtask: 's', label: 'B', x: 0, y: 0 },
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    };
    expect(() => workflowToStaticPlan(spec)).toThrow(/cycle/);
  });
});
