// Model calls from inside a node: checks the tenant's budget before each call, applies the run's
// model/offline/sampling/abort settings, and counts usage both for the node's state update and for
// the invocation's spend tracker.
import type { ModelCallRequest, ModelCallResult } from '../models/model-gateway.js';
import { addMetrics, type RunMetricsDelta, zeroMetrics } from './graph-state.js';
import type { RunRuntime } from './run-runtime.js';

export interface ModelCaller {
  call(request: Omit<ModelCallRequest, 'model' | 'offline' | 'abortSignal'>): Promise<ModelCallResult>;
  /** Usage and invalid-call counts accumulated by this node so far. */
  metrics: RunMetricsDelta;
  countFailure(kind: 'unknown_tool' | 'bad_json' | 'schema_violation'): void;
  merge(delta: RunMetricsDelta): void;
}

export function createModelCaller(runtime: RunRuntime): ModelCaller {
  let metrics = zeroMetrics();
  return {
    get metrics() {
      return metrics;
    },
    async call(request) {
      const { deps, options } = runtime;
      runtime.signal?.throwIfAborted();
      await deps.budgets.assertWithinBudget(options.tenant_id, runtime.priorCostUsd + runtime.spend.costUsd);
      const result = await deps.models.call({
        ...request,
        sampling: request.sampling ?? options.sampling,
        model: options.model,
        offline: options.offline,
        abortSignal: runtime.signal,
      });
      runtime.spend.promptTokens += result.usage.promptTokens;
      runtime.spend.completionTokens += result.usage.completionTokens;
      runtime.spend.costUsd += result.costUsd;
      runtime.spend.modelCalls += 1;
      metrics = addMetrics(metrics, {
        ...zeroMetrics(),
        prompt_tokens: result.usage.promptTokens,
        completion_tokens: result.usage.completionTokens,
        cost_usd: result.costUsd,
        model_calls: 1,
      });
      return result;
    },
    countFailure(kind) {
      metrics = { ...metrics, [kind]: metrics[kind] + 1 };
    },
    merge(delta) {
      metrics = addMetrics(metrics, delta);
    },
  };
}
