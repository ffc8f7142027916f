// One model call under the tenant's budget: its worst-case cost is reserved first (refused with
// budget_exceeded when it does not fit, with the output capped to what was reserved), and the
// reservation settles at the actual cost afterwards — for runs and direct chat turns alike.
import type { ModelCallRequest, ModelCallResult, ModelGateway } from '../models/model-gateway.js';
import type { BudgetGuard } from '../usage/budget-guard.js';

export async function callWithinBudget(
  deps: { models: ModelGateway; budgets: BudgetGuard },
  owner: { tenantId: string; threadId: string },
  request: ModelCallRequest,
): Promise<ModelCallResult> {
  const { models, budgets } = deps;
  if (budgets.budgetFor(owner.tenantId) === null) return models.call(request);
  const worst = models.worstCaseCost(request);
  const reservation = await budgets.reserve(owner.tenantId, owner.threadId, worst.usd);
  // The reservation assumed this output cap, so the provider must keep to it.
  const capped = { ...request, sampling: { ...request.sampling, max_tokens: worst.maxOutputTokens } };
  let result: ModelCallResult;
  try {
    result = await models.call(capped);
  } catch (error) {
    if (reservation) await budgets.settle(reservation, 0);
    throw error;
  }
  if (reservation) await budgets.settle(reservation, result.costUsd);
  return result;
}
