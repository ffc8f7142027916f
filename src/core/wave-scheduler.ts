// Dependency waves: groups plan steps so each wave depends only on earlier waves. Subtasks of one
// wave are independent and run concurrently in swarm mode.
import type { PlannedSubtask } from './run-state.js';

/** Plan indexes grouped into waves, in plan order within a wave. Unknown dependencies are ignored; a cycle lands in one last wave. */
export function computeWaves(plan: readonly PlannedSubtask[]): number[][] {
  const indexById = new Map(plan.map((step, index) => [step.id, index]));
  const done = new Set<number>();
  const waves: number[][] = [];
  while (done.size < plan.length) {
    const wave: number[] = [];
    plan.forEach((step, index) => {
      if (done.has(index)) return;
      const ready = step.depends_on.every((id) => {
        const dependency = indexById.get(id);
        return dependency === undefined || dependency === index || done.has(dependency);
      });
      if (ready) wave.push(index);
    });
    if (wave.length === 0) {
      // A cycle: run what is left together rather than never.
      plan.forEach((_, index) => {
        if (!done.has(index)) wave.push(index);
      });
    }
    for (const index of wave) done.add(index);
    waves.push(wave);
  }
  return waves;
}

/** The plan steps a step depends on (known ids only), in plan order. */
export function upstreamOf(plan: readonly PlannedSubtask[], index: number): number[] {
  const wanted = new Set(plan[index].depends_on);
  const upstream: number[] = [];
  plan.forEach((step, other) => {
    if (other !== index && wanted.has(step.id)) upstream.push(other);
  });
  return upstream;
}
