// The attacker drill as a test: at least 200 attempts across every class, every one refused.
import { describe, expect, it } from 'vitest';
import { formatDrill, runAttackerDrill } from './attacker-drill.js';

describe('attacker drill (loopback)', () => {
  it('refuses every attempt', { timeout: 180_000 }, async () => {
    const report = await runAttackerDrill();
    process.stdout.write(`${formatDrill(report)}\n`);
    expect(report.total).toBeGreaterThanOrEqual(200);
    expect(report.tallies.length).toBeGreaterThanOrEqual(9);
    expect(report.tallies.filter((tally) => tally.accepted.length > 0)).toEqual([]);
    expect(report.refused).toBe(report.total);
  });
});
