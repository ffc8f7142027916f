// Per-tenant spending ceilings: a tenant's own ceiling wins over the default; no ceiling means no
// limit (and no bookkeeping). Spend is the recorded usage plus what in-flight runs hold in the store,
// so every process sees the same total and concurrent runs cannot together overspend.
import { randomUUID } from 'node:crypto';
import { BudgetExceededError } from '../errors/riptide-error.js';
import type { Store } from '../store/store.js';
import type { BudgetGuard, BudgetReservation } from './budget-guard.js';

export interface BudgetGuardOptions {
  store: Pick<Store, 'tenantSpend' | 'pendingSpend' | 'reserveBudget' | 'settleBudget' | 'recentRunCosts'>;
  /** Ceiling for tenants without their own (RIPTIDE_TENANT_BUDGET_USD); null for none. */
  defaultUsd: number | null;
  /** Per-tenant ceilings (RIPTIDE_TENANT_BUDGETS). */
  perTenantUsd: Record<string, number>;
}

/** How many of a tenant's latest successful runs set what a run usually costs. */
const RECENT_RUNS = 20;

export function createBudgetGuard({ store, defaultUsd, perTenantUsd }: BudgetGuardOptions): BudgetGuard {
  const budgetFor = (tenantId: string): number | null =>
    Object.hasOwn(perTenantUsd, tenantId) ? perTenantUsd[tenantId] : defaultUsd;

  const hold = async (
    kind: 'admission' | 'call',
    tenantId: string,
    threadId: string,
    amountUsd: number,
    budget: number,
  ): Promise<BudgetReservation> => {
    const id = randomUUID();
    const amount = Math.max(0, amountUsd);
    const outcome = await store.reserveBudget({
      id,
      tenant_id: tenantId,
      thread_id: threadId,
      amount_usd: amount,
      ceiling_usd: budget,
      kind,
    });
    if (!outcome.reserved) throw new BudgetExceededError(tenantId, outcome.committed_usd, budget);
    return { id, tenantId, amountUsd: amount };
  };

  return {
    budgetFor,
    async assertWithinBudget(tenantId) {
      const budget = budgetFor(tenantId);
      if (budget === null) return;
      const [spent, pending] = await Promise.all([store.tenantSpend(tenantId), store.pendingSpend(tenantId)]);
      if (spent + pending >= budget) throw new BudgetExceededError(tenantId, spent + pending, budget);
    },
    async admit(tenantId, threadId) {
      const budget = budgetFor(tenantId);
      if (budget === null) return null;
      const recent = await store.recentRunCosts(tenantId, RECENT_RUNS);
      let usual = recent.length > 0 ? recent.reduce((sum, cost) => sum + cost, 0) / recent.length : null;
      if (usual === null) {
        // No run of this tenant has finished yet: the first one runs alone.
        const [spent, pending] = await Promise.all([store.tenantSpend(tenantId), store.pendingSpend(tenantId)]);
        usual = Math.max(0, budget - spent - pending);
        if (usual === 0) throw new BudgetExceededError(tenantId, spent + pending, budget);
      }
      return hold('admission', tenantId, threadId, usual, budget);
    },
    reserve(tenantId, threadId, worstCaseUsd) {
      const budget = budgetFor(tenantId);
      if (budget === null) return Promise.resolve(null);
      return hold('call', tenantId, threadId, worstCaseUsd, budget);
    },
    async settle(reservation, actualUsd) {
      await store.settleBudget(reservation.id, actualUsd);
    },
  };
}
