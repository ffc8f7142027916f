// GET /metrics: the server's Prometheus metrics in the text exposition format, for a Prometheus
// scrape job (or Grafana Agent, VictoriaMetrics, …). Guarded like every non-public route; with keys
// on it needs an admin key, since it counts every tenant's runs together.
import type { RoutePlugin } from './route-plugin.js';

export const metricsRoutes: RoutePlugin = async (app, { metrics }) => {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        summary: 'Prometheus metrics',
        description:
          'Prometheus text exposition format (`text/plain; version=0.0.4`), not JSON: `riptide_runs_total{status,mode,success}` (run invocations that ended; `status` is completed, failed, pending_approval or error), `riptide_run_duration_seconds` (histogram), `riptide_tokens_total{kind=prompt|completion}`, `riptide_cost_usd_total`, `riptide_queue_depth` (runs waiting in the run queue; 0 without one), `riptide_http_errors_total{class=4xx|5xx,status}`, and the Node.js process metrics (`process_*`, `nodejs_*`). Counters start at 0 when the server starts. With keys on, an admin key is needed (the figures span every tenant).',
      },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
};
