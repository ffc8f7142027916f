// Costs and monitoring: per-tenant spend merged with budgets, and the aggregates the Studio charts
// (all computed in SQL by the store).
import { costsReportSchema, monitoringSchema } from '../../spec/insights.js';
import { tenantCostReport } from '../../usage/tenant-cost-report.js';
import type { RoutePlugin } from './route-plugin.js';

export const insightRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/costs',
    {
      schema: {
        tags: ['insights'],
        summary: 'Costs per tenant',
        description:
          'Runs, tokens, cost and blocked runs per tenant, with the tenant budget and what remains of it (null without a budget). Tenants with a configured budget appear even before their first run.',
        response: { 200: costsReportSchema },
      },
    },
    async () =>
      tenantCostReport({
        store: riptide.store,
        budgets: riptide.budgets,
        tenants: Object.keys(riptide.config.budgets.perTenantUsd),
      }),
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
