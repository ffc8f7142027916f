// Turns a validated workflow into the static plan the run service replays: node → subtask with its
// role, edge → dependency. Steps come in dependency order (ties keep the canvas order), so a reader
// of the plan — or a composer that runs steps in sequence — never meets a step before its inputs.
import type { StaticPlan, StaticPlanStep } from '../core/run-service.js';
import type { WorkflowSpec } from '../spec/workflow-spec.js';

export function workflowToStaticPlan(spec: WorkflowSpec): StaticPlan {
  const dependsOn = new Map<string, string[]>(spec.nodes.map((node) => [node.id, []]));
  for (const edge of spec.edges) {
    const list = dependsOn.get(edge.target);
    if (list && !list.includes(edge.source)) list.push(edge.source);
  }
  const steps: StaticPlanStep[] = [];
  const placed = new Set<string>();
  // Kahn-style layering in canvas order; the spec was validated, so every pass places a node.
  while (placed.size < spec.nodes.length) {
    const ready = spec.nodes.filter(
      (node) => !placed.has(node.id) && dependsOn.get(node.id)!.every((source) => placed.has(source)),
    );
    if (ready.length === 0) throw new Error('workflowToStaticPlan: the spec has a cycle (validate it first)');
    for (const node of ready) {
      placed.add(node.id);
      steps.push({
        id: node.id,
        subtask: node.subtask,
        role: node.role,
        depends_on: dependsOn.get(node.id)!,
        label: node.label,
      });
    }
  }
  return { steps };
}

/** The dependency waves of a plan: each wave's steps only need steps of earlier waves. */
export function staticPlanWaves(plan: StaticPlan): string[][] {
  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  for (const step of plan.steps) {
    const wave = step.depends_on.reduce((deepest, source) => Math.max(deepest, (waveOf.get(source) ?? 0) + 1), 0);
    waveOf.set(step.id, wave);
    if (!waves[wave]) waves[wave] = [];
    waves[wave].push(step.id);
  }
  return waves;
}
