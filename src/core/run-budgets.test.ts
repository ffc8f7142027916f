// Budgets hold under concurrency: each model call reserves its worst-case cost before it runs, so
// 50 concurrent runs of a tenant whose budget covers 1.5 runs spend at most the ceiling plus one
// call; an explicit price for the offline model makes budgets bite offline (free by default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import type { Riptide } from '../riptide-types.js';

const OFFLINE_PRICE = JSON.stringify({ 'riptide-offline': { input_per_mtok: 1_000, output_per_mtok: 2_000 } });
// A run's calls are capped at 64 output tokens: the worst case each reserves stays near its real cost.
const plain = { memory: false, guardrails: false, offline: true, max_tokens: 64 } as const;

describe('budgets on the run path', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(env: Record<string, string>): Promise<Riptide> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-budget-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir, ...env }));
    cleanups.push(() => riptide.close());
    return riptide;
  }

  it('keeps the offline model free by default and prices it when RIPTIDE_MODEL_PRICES names it', async () => {
    const free = await open({});
    expect((await free.runs.runTask({ task: 'compute 21 * 2', ...plain })).metrics.cost_usd).toBe(0);
    const priced = await open({ RIPTIDE_MODEL_PRICES: OFFLINE_PRICE });
    const result = await priced.runs.runTask({ task: 'compute 21 * 2', ...plain });
    const { prompt_tokens, completion_tokens } = result.metrics.usage;
    expect(result.metrics.cost_usd).toBeCloseTo((prompt_tokens * 1_000 + completion_tokens * 2_000) / 1_000_000, 9);
  });

  it('holds 50 concurrent runs to the ceiling plus at most one model call', async () => {
    // Measure what one run costs, then give the tenant a budget of one and a half runs.
    const probe = await open({ RIPTIDE_MODEL_PRICES: OFFLINE_PRICE });
    const sample = await probe.runs.runTask({ task: 'compute 21 * 2', ...plain });
    const perRun = sample.metrics.cost_usd;
    const perCall = perRun / sample.metrics.model_calls;
    const ceiling = perRun * 1.5;
    const riptide = await open({
      RIPTIDE_MODEL_PRICES: OFFLINE_PRICE,
      RIPTIDE_TENANT_BUDGETS: JSON.stringify({ acme: ceiling }),
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => riptide.runs.runTask({ task: 'compute 21 * 2', tenant_id: 'acme', ...plain })),
    );
    // Each run either completed or was stopped by the budget (before it started or at a model call
    // whose worst case no longer fitted); none failed for another reason.
    const completed = outcomes.filter(
      (outcome) => outcome.status === 'fulfilled' && outcome.value.status === 'completed',
    ).length;
    const refused = outcomes.filter(
      (outcome) => outcome.status === 'rejected' && (outcome.reason as { code?: string }).code === 'budget_exceeded',
    ).length;
    expect(completed + refused).toBe(50);
    expect(refused).toBeGreaterThan(0);
    const spent = await riptide.store.tenantSpend('acme');
    expect(spent).toBeLessThanOrEqual(ceiling + perCall + 1e-12);
    // Nothing is held any more: every reservation settled into a usage record.
    expect(await riptide.store.pendingSpend('acme')).toBe(0);
    // Refused runs are recorded too (costs and monitoring show them).
    expect((await riptide.store.costsByTenant()).acme.runs).toBe(50);
  });
});
