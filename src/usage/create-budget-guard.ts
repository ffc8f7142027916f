// Per-tenant spending ceilings: a tenant's own ceiling wins over the default; no ceiling means no
// limit. Spend is read from the recorded usage (an indexed SUM), so every process sees the same total.
import { BudgetExceededError } from '../errors/riptide-error.js';
import type { Store } from '../store/store.js';
import type { BudgetGuard } from './budget-guard.js';

export interface BudgetGuardOptions {
  store: Pick<Store, 'tenantSpend'>;
  /** Ceiling for tenants without their own (RIPTIDE_TENANT_BUDGET_USD); null for none. */
  defaultUsd: number | null;
  /** Per-tenant ceilings (RIPTIDE_TENANT_BUDGETS). */
  perTenantUsd: Record<string, number>;
}

export function createBudgetGuard({ store, defaultUsd, perTenantUsd }: BudgetGuardOptions): BudgetGuard {
  const budgetFor = (tenantId: string): number | null =>
    Object.hasOwn(perTenantUsd, tenantId) ? perTenantUsd[tenantId] : defaultUsd;

  return {
    budgetFor,
    async assertWithinBudget(tenantId, pendingUsd = 0) {
      const budget = budgetFor(tenantId);
      if (budget === null) return;
      const spent = await store.tenantSpend(tenantId);
      if (spent + Math.max(0, pendingUsd) >= budget) throw new BudgetExceededError(tenantId, spent, budget);
    },
  };
}
