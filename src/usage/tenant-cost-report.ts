// The per-tenant cost table behind `riptide costs` and GET /api/costs: recorded usage joined with
// each tenant's ceiling. Tenants with a configured ceiling appear even before their first run.
import type { CostsReport, TenantCosts } from '../spec/insights.js';
import type { Store } from '../store/store.js';
import type { BudgetGuard } from './budget-guard.js';

export interface TenantCostReportOptions {
  store: Pick<Store, 'costsByTenant'>;
  budgets: BudgetGuard;
  /** Tenants to list even without usage (e.g. the keys of RIPTIDE_TENANT_BUDGETS). */
  tenants?: string[];
  /** Report this one tenant only (a tenant key's view), listed even before its first run. */
  only?: string | null;
}

const ZERO: TenantCosts = { runs: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost_usd: 0, blocked: 0 };

export async function tenantCostReport({
  store,
  budgets,
  tenants = [],
  only = null,
}: TenantCostReportOptions): Promise<CostsReport> {
  const costs = await store.costsByTenant();
  const names = only !== null ? [only] : [...new Set([...Object.keys(costs), ...tenants])].sort();
  const report: CostsReport = {};
  for (const tenant of names) {
    const row = costs[tenant] ?? ZERO;
    const budget = budgets.budgetFor(tenant);
    report[tenant] = {
      ...row,
      budget_usd: budget,
      remaining_usd: budget === null ? null : Math.max(0, budget - row.cost_usd),
    };
  }
  return report;
}
