// Costs and monitoring: per-tenant spend merged with budgets, and the aggregates the Studio charts
// (all computed in SQL by the store).
import { z } from 'zod';
import type { RoutePlugin } from './index.js';

const tenantCostsSchema = z.object({
  runs: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
  cost_usd: z.number(),
  blocked: z.number().int(),
  budget_usd: z.number().nullable().describe('The ceiling, or null for none'),
  remaining_usd: z.number().nullable().describe('What is left of the ceiling (never below 0), or null for none'),
});

const usageRecordSchema = z.object({
  thread_id: z.string(),
  tenant_id: z.string(),
  task: z.string(),
  mode: z.string(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  cost_usd: z.number(),
  latency_ms: z.number(),
  success: z.boolean(),
  blocked: z.boolean(),
  tool_calls_total: z.number(),
  tool_calls_valid: z.number(),
  subtask_count: z.number(),
  created_at: z.string(),
});

const monitoringSchema = z.object({
  totals: z.object({
    runs: z.number(),
    blocked: z.number(),
    success_rate: z.number(),
    avg_latency_ms: z.number(),
    p95_latency_ms: z.number(),
    total_tokens: z.number(),
    total_cost_usd: z.number(),
    tool_valid_rate: z.number(),
  }),
  by_mode: z.record(
    z.string(),
    z.object({ runs: z.number(), cost_usd: z.number(), avg_latency_ms: z.number(), success_rate: z.number() }),
  ),
  by_tenant: z.record(
    z.string(),
    z.object({ runs: z.number(), cost_usd: z.number(), total_tokens: z.number(), blocked: z.number() }),
  ),
  daily: z.array(z.object({ date: z.string(), runs: z.number(), cost_usd: z.number(), tokens: z.number() })),
  recent: z.array(usageRecordSchema).describe('The last 25 runs'),
});

const EMPTY_COSTS = { runs: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost_usd: 0, blocked: 0 };

export const insightRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/costs',
    {
      schema: {
        tags: ['insights'],
        summary: 'Costs per tenant',
        description:
          'Runs, tokens, cost and blocked runs per tenant, with the tenant budget and what remains of it (null without a budget). Tenants with a configured budget appear even before their first run.',
        response: { 200: z.record(z.string(), tenantCostsSchema) },
      },
    },
    async () => {
      const costs = await riptide.store.costsByTenant();
      const tenants = new Set([...Object.keys(costs), ...Object.keys(riptide.config.budgets.perTenantUsd)]);
      return Object.fromEntries(
        [...tenants].sort().map((tenant) => {
          const spent = costs[tenant] ?? EMPTY_COSTS;
          const budget = riptide.budgets.budgetFor(tenant);
          return [
            tenant,
            {
              ...spent,
              budget_usd: budget,
              remaining_usd: budget === null ? null : Math.max(0, budget - spent.cost_usd),
            },
          ];
        }),
      );
    },
  );

  app.get(
    '/api/monitoring',
    {
      schema: {
        tags: ['insights'],
        summary: 'Monitoring aggregates',
        description: 'Totals, per mode, per tenant, daily series and the last 25 runs.',
        response: { 200: monitoringSchema },
      },
    },
    async () => riptide.store.monitoring({ recent: 25 }),
  );
};
