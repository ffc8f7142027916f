// The budget seam the graph calls before a run and before each model call.
export interface BudgetGuard {
  /** The tenant's ceiling in USD, or null for no ceiling. */
  budgetFor(tenantId: string): number | null;
  /** Throws BudgetExceededError when the tenant's recorded spend plus `pendingUsd` reaches its ceiling. */
  assertWithinBudget(tenantId: string, pendingUsd?: number): Promise<void>;
}
