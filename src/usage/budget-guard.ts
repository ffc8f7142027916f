// The budget seam the run core calls before a run and around every model call.

/** A model call's worst-case cost held against the tenant's budget until the call settles it. */
export interface BudgetReservation {
  id: string;
  tenantId: string;
  amountUsd: number;
}

export interface BudgetGuard {
  /** The tenant's ceiling in USD, or null for no ceiling. */
  budgetFor(tenantId: string): number | null;
  /** Throws BudgetExceededError when the tenant's recorded and in-flight spend already reaches its ceiling. */
  assertWithinBudget(tenantId: string): Promise<void>;
  /**
   * Reserves a call's worst-case cost atomically against what remains of the tenant's ceiling;
   * throws BudgetExceededError when it does not fit. Null when the tenant has no ceiling (nothing held).
   */
  reserve(tenantId: string, threadId: string, worstCaseUsd: number): Promise<BudgetReservation | null>;
  /** Replaces a reservation by the call's actual cost (0 when the call failed before costing anything). */
  settle(reservation: BudgetReservation, actualUsd: number): Promise<void>;
}
