// Per-tenant spending ceilings: a tenant's own ceiling wins over the default; no ceiling means no
// limit (and no bookkeeping). Spend is the recorded usage plus what in-flight runs hold in the store,
// so every process sees the same total and concurrent runs cannot together overspend.
import { randomUUID } from 'node:crypto';
import { BudgetExceededError } from '../errors/riptide-error.js';
import type { Store } from '../store/store.js';
import type { BudgetGuard } from './budget-guard.js';

export interface BudgetGuardOptions {
  store: Pick<Store, 'tenantSpend' | 'pendingSpend' | 'reserveBudget' | 'settleBudget'>;
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
    async assertWithinBudget(tenantId) {
      const budget = budgetFor(tenantId);
      if (budget === null) return;
      const [spent, pending] = await Promise.all([store.tenantSpend(tenantId), store.pendingSpend(tenantId)]);
      if (spent + pending >= budget) throw new BudgetExceededError(tenantId, spent + pending, budget);
    },
    async reserve(tenantId, threadId, worstCaseUsd) {
      const budget = budgetFor(tenantId);
      if (budget === null) return null;
      const id = randomUUID();
      const amount = Math.max(0, worstCaseUsd);
      const outcome = await store.reserveBudget({
        id,
        tenant_id: tenantId,
        thread_id: threadId,
        amount_usd: amount,
        ceiling_usd: budget,
      });
      if (!outcome.reserved) throw new BudgetExceededError(tenantId, outcome.committed_usd, budget);
      return { id, tenantId, amountUsd: amount };
    },
    async settle(reservation, actualUsd) {
      await store.settleBudget(reservation.id, actualUsd);
    },
  };
}
