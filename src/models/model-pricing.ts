// Prices model calls in USD. Config overrides (RIPTIDE_MODEL_PRICES) win; otherwise the maintained
// @pydantic/genai-prices dataset; models it does not know are priced at config.defaultPrice
// (RIPTIDE_DEFAULT_PRICE, by default $1 input / $3 output per million tokens — a deliberately
// mid-range guess so budgets still bite on unknown models). The offline model is free unless
// RIPTIDE_MODEL_PRICES names it, so budgets can be exercised offline. The dataset (~0.5 MB of
// JavaScript) is required on the first lookup, synchronously so cost() stays a plain function:
// offline runs and `import('riptide')` never load it.
import { createRequire } from 'node:module';
import type * as GenaiPrices from '@pydantic/genai-prices';
import type { ModelPrice, ProviderName } from '../config/config.js';
import { OFFLINE_MODEL_ID } from './offline/offline-language-model.js';

export interface ModelPricing {
  /** Cost in USD of a call; `provider` narrows the dataset lookup when known. */
  cost(model: string, promptTokens: number, completionTokens: number, provider?: ProviderName): number;
}

const MAX_REMEMBERED_UNKNOWN = 1_000;

const DATASET_PROVIDER: Partial<Record<ProviderName, string>> = { openai: 'openai', anthropic: 'anthropic' };

export function createModelPricing(options: {
  priceOverrides: Record<string, ModelPrice>;
  defaultPrice: ModelPrice;
}): ModelPricing {
  // Models the dataset does not know, remembered so they skip the lookup next time. Model names come
  // from requests, so the memory is bounded.
  const unknownModels = new Set<string>();
  const linear = (price: ModelPrice, promptTokens: number, completionTokens: number) =>
    (promptTokens * price.input_per_mtok + completionTokens * price.output_per_mtok) / 1_000_000;

  return {
    cost(model, promptTokens, completionTokens, provider) {
      const overrideFor = (name: string) =>
        Object.hasOwn(options.priceOverrides, name) ? options.priceOverrides[name] : undefined;
      // An offline call is served by the offline model whatever it was asked for.
      if (model === OFFLINE_MODEL_ID || provider === 'offline') {
        const offline = overrideFor(OFFLINE_MODEL_ID);
        return offline ? linear(offline, promptTokens, completionTokens) : 0;
      }
      const override = overrideFor(model);
      if (override) return linear(override, promptTokens, completionTokens);
      const key = `${provider ?? ''}:${model}`;
      if (!unknownModels.has(key)) {
        const providerId = provider ? DATASET_PROVIDER[provider] : undefined;
        const usage = { input_tokens: promptTokens, output_tokens: completionTokens };
        const priced = safeCalcPrice(usage, model, providerId) ?? (providerId ? safeCalcPrice(usage, model) : null);
        if (priced !== null) return priced;
        if (unknownModels.size >= MAX_REMEMBERED_UNKNOWN) unknownModels.clear();
        unknownModels.add(key);
      }
      return linear(options.defaultPrice, promptTokens, completionTokens);
    },
  };
}

let dataset: typeof GenaiPrices | undefined;

function safeCalcPrice(usage: Record<string, number>, model: string, providerId?: string): number | null {
  // Outside the try: a dataset that cannot load is an installation fault, not an unknown model.
  dataset ??= createRequire(import.meta.url)('@pydantic/genai-prices') as typeof GenaiPrices;
  try {
    const result = dataset.calcPrice(usage, model, providerId ? { providerId } : undefined);
    return result && Number.isFinite(result.total_price) ? result.total_price : null;
  } catch {
    // The dataset throws on some malformed ids; treat as unknown.
    return null;
  }
}
