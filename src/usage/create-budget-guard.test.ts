// Budgets against recorded usage in a real SQLite store: refused at and over the ceiling, allowed
// under it, per-tenant ceilings beat the default, and the cost report joins both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetExceededError, RiptideError } from '../errors/riptide-error.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { sampleUsage } from '../testing/store-fixtures.js';
import { createBudgetGuard } from './create-budget-guard.js';
import { tenantCostReport } from './tenant-cost-report.js';

describe('budget guard', () => {
  let directory: string;
  let store: Store;

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    store = await createSqliteStore({ file: path.join(directory, 'riptide.sqlite') });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('passes under the ceiling and throws BudgetExceededError at and over it', async () => {
    const budgets = createBudgetGuard({ store, defaultUsd: 1, perTenantUsd: {} });
    await store.recordUsage(sampleUsage({ tenant_id: 'acme', cost_usd: 0.6 }));
    await expect(budgets.assertWithinBudget('acme')).resolves.toBeUndefined();
    const held = await budgets.reserve('acme', 'run-1', 0.3);
    expect(held).toMatchObject({ tenantId: 'acme', amountUsd: 0.3 });

    const overCeiling = budgets.reserve('acme', 'run-2', 0.2);
    await expect(overCeiling).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(overCeiling).rejects.toSatisfy(
      (error) => RiptideError.is(error) && error.code === 'budget_exceeded' && /acme/.test(error.message),
    );
    // Settling at the actual cost frees the rest of the worst case.
    await budgets.settle(held as NonNullable<typeof held>, 0.1);
    await expect(budgets.reserve('acme', 'run-2', 0.2)).resolves.not.toBeNull();

    await store.recordUsage(sampleUsage({ tenant_id: 'acme', cost_usd: 0.5 }));
    await expect(budgets.assertWithinBudget('acme')).rejects.toMatchObject({
      tenantId: 'acme',
      budgetUsd: 1,
      // 1.1 recorded, plus what the two runs above still hold (0.1 settled, 0.2 reserved).
      spentUsd: expect.closeTo(1.4, 10),
    });
  });

  it('prefers a tenant’s own ceiling, and enforces nothing without one', async () => {
    const budgets = createBudgetGuard({ store, defaultUsd: null, perTenantUsd: { acme: 0.5, free: 0 } });
    expect(budgets.budgetFor('acme')).toBe(0.5);
    expect(budgets.budgetFor('globex')).toBeNull();
    expect(budgets.budgetFor('free')).toBe(0);
    await store.recordUsage(sampleUsage({ tenant_id: 'globex', cost_usd: 1000 }));
    await expect(budgets.assertWithinBudget('globex')).resolves.toBeUndefined();
    await expect(budgets.reserve('globex', 'run-1', 5)).resolves.toBeNull();
    await expect(budgets.assertWithinBudget('free')).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(budgets.reserve('acme', 'run-2', 0.49)).resolves.not.toBeNull();
    expect(createBudgetGuard({ store, defaultUsd: 2, perTenantUsd: { acme: 0.5 } }).budgetFor('globex')).toBe(2);
  });

  it('reports costs per tenant with budget and remaining', async () => {
    const budgets = createBudgetGuard({ store, defaultUsd: 1, perTenantUsd: { vip: 10, acme: 0.5 } });
    await store.recordUsage(sampleUsage({ tenant_id: 'acme', cost_usd: 0.75, blocked: true }));
    await store.recordUsage(sampleUsage({ tenant_id: 'globex', cost_usd: 0.25 }));
    const report = await tenantCostReport({ store, budgets, tenants: ['vip'] });
    expect(Object.keys(report)).toEqual(['acme', 'globex', 'vip']);
    expect(report.acme).toMatchObject({ runs: 1, blocked: 1, cost_usd: 0.75, budget_usd: 0.5, remaining_usd: 0 });
    expect(report.globex).toMatchObject({ runs: 1, budget_usd: 1, remaining_usd: 0.75 });
    expect(report.vip).toEqual({
      runs: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      cost_usd: 0,
      blocked: 0,
      budget_usd: 10,
      remaining_usd: 10,
    });
  });
});
