// The server's Prometheus metrics (prom-client), in a registry of its own: runs by status, mode and
// outcome, run latency, tokens and cost (all from the run observer seam, so every surface that runs
// on this riptide counts), the run queue's depth (from a provider; 0 while there is no queue), HTTP
// 4xx/5xx responses, and Node's process metrics. Served by routes/metrics-routes.ts.
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Riptide } from '../riptide-types.js';
import type { RunObserver } from '../spec/run-observer.js';

export interface ServerMetrics {
  registry: Registry;
}

export interface ServerMetricsOptions {
  /** Runs waiting in the run queue (default: none queued). */
  queueDepth?: () => number | Promise<number>;
}

// From a cached offline answer to a long multi-agent run on a slow model.
const LATENCY_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export function installServerMetrics(
  app: FastifyInstance,
  riptide: Riptide,
  options: ServerMetricsOptions = {},
): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const runs = new Counter({
    name: 'riptide_runs_total',
    help: 'Run invocations that ended, by status (completed, failed, pending_approval, error), mode and outcome',
    labelNames: ['status', 'mode', 'success'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'riptide_run_duration_seconds',
    help: 'Run latency from start to result (a resumed run counts its earlier parts too)',
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'riptide_tokens_total',
    help: 'Model tokens used by finished runs, by kind (prompt, completion)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const cost = new Counter({
    name: 'riptide_cost_usd_total',
    help: 'What finished runs cost, in US dollars',
    registers: [registry],
  });
  const queueDepth = options.queueDepth ?? (() => 0);
  new Gauge({
    name: 'riptide_queue_depth',
    help: 'Runs waiting in the run queue',
    registers: [registry],
    async collect() {
      this.set(await queueDepth());
    },
  });
  const httpErrors = new Counter({
    name: 'riptide_http_errors_total',
    help: 'HTTP responses with a 4xx or 5xx status, by status class and status',
    labelNames: ['class', 'status'] as const,
    registers: [registry],
  });

  const observer: RunObserver = {
    begin() {
      let ended = false;
      let mode = 'none';
      return {
        event(event) {
          if (event.event === 'composition') mode = event.mode;
          else if (event.event === 'result') {
            const { result } = event;
            ended = true;
            runs.inc({ status: result.status, mode: result.mode, success: String(result.success) });
            latency.observe(result.metrics.latency_ms / 1000);
            tokens.inc({ kind: 'prompt' }, result.metrics.usage.prompt_tokens);
            tokens.inc({ kind: 'completion' }, result.metrics.usage.completion_tokens);
            cost.inc(result.metrics.cost_usd);
          } else if (event.event === 'pending') {
            ended = true;
            runs.inc({ status: 'pending_approval', mode, success: 'false' });
          }
        },
        end(error) {
          // An invocation that ended with an error its caller sees (budget, abort) had no result.
          if (!ended && error !== undefined) runs.inc({ status: 'error', mode, success: 'false' });
        },
      };
    },
  };
  const removeObserver = riptide.observers.add(observer);
  app.addHook('onClose', async () => removeObserver());

  app.addHook('onResponse', async (_request, reply) => {
    const status = reply.statusCode;
    if (status >= 400) httpErrors.inc({ class: status >= 500 ? '5xx' : '4xx', status: String(status) });
  });
  return { registry };
}
