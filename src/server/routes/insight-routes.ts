// Costs and monitoring: per-tenant spend merged with budgets, and the aggregates the Studio charts
// (all computed in SQL by the store).

import { z } from 'zod';
import { identifierSchema } from '../../spec/identifier.js';
import { costsReportSchema, monitoringSchema } from '../../spec/insights.js';
import { tenantCostReport } from '../../usage/tenant-cost-report.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './route-plugin.js';

const tenantQuerySchema = z.object({
  tenant_id: identifierSchema.optional().describe('Only this tenant (default: every tenant)'),
});

export const insightRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/costs',
    {
      schema: {
        tags: ['insights'],
        summary: 'Costs per tenant',
        description:
          "Runs, tokens, cost and blocked runs per tenant, with the tenant budget and what remains of it (null without a budget). Tenants with a configured budget appear even before their first run. With `tenant_id` (always, for a tenant key) only that tenant's entry.",
        querystring: tenantQuerySchema,
        response: { 200: costsReportSchema, ...errorResponses(422) },
      },
    },
    async (request) =>
      tenantCostReport({
        store: riptide.store,
        budgets: riptide.budgets,
        tenants: Object.keys(riptide.config.budgets.perTenantUsd),
        only: request.query.tenant_id ?? null,
      }),
  );

  app.get(
    '/api/monitoring',
    {
      schema: {
        tags: ['insights'],
        summary: 'Monitoring aggregates',
        description:
          "Totals, per mode, per tenant, daily series and the last 25 runs; with `tenant_id` (always, for a tenant key) over that tenant's runs only.",
        querystring: tenantQuerySchema,
        response: { 200: monitoringSchema, ...errorResponses(422) },
      },
    },
    async (request) => riptide.store.monitoring({ recent: 25, tenantId: request.query.tenant_id ?? null }),
  );
};
