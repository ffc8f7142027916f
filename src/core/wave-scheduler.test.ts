import { describe, expect, it } from 'vitest';
import type { PlannedSubtask } from './run-state.js';
import { computeWaves, upstreamOf } from './wave-scheduler.js';

const step = (id: string, depends_on: string[] = []): PlannedSubtask => ({ id, subtask: id, role: 'r', depends_on });

describe('computeWaves', () => {
  it('puts independent steps in one wave and dependents after their upstream', () => {
    const plan = [step('a'), step('b'), step('c', ['a', 'b']), step('d', ['c'])];
    expect(computeWaves(plan)).toEqual([[0, 1], [2], [3]]);
    expect(upstreamOf(plan, 2)).toEqual([0, 1]);
  });

  it('ignores unknown dependencies and still schedules a cycle', () => {
    const plan = [step('a', ['zzz']), step('b', ['c']), step('c', ['b'])];
    expect(computeWaves(plan)).toEqual([[0], [1, 2]]);
  });
});
