// Costs per tenant and the monitoring aggregates (GET /api/costs, GET /api/monitoring).
import { z } from 'zod';
import { usageRecordSchema } from './store-records.js';

export const tenantCostsSchema = z.object({
  runs: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
  cost_usd: z.number(),
  blocked: z.number().int(),
});
export type TenantCosts = z.infer<typeof tenantCostsSchema>;

export const tenantCostReportSchema = tenantCostsSchema.extend({
  budget_usd: z.number().nullable().describe('The ceiling, or null for none'),
  remaining_usd: z.number().nullable().describe('What is left of the ceiling (never below 0), or null for none'),
});
export type TenantCostReport = z.infer<typeof tenantCostReportSchema>;

export const costsReportSchema = z.record(z.string(), tenantCostReportSchema);
export type CostsReport = z.infer<typeof costsReportSchema>;

export const monitoringSchema = z.object({
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
export type MonitoringAggregates = z.infer<typeof monitoringSchema>;
