import { describe, expect, it } from 'vitest';
import { DEFAULT_UNKNOWN_MODEL_PRICE } from '../config/config.js';
import { createModelPricing } from './model-pricing.js';

describe('createModelPricing', () => {
  const pricing = createModelPricing({
    priceOverrides: {
      'my-llama': { input_per_mtok: 2, output_per_mtok: 4 },
      'gpt-4o-mini': { input_per_mtok: 10, output_per_mtok: 10 },
    },
    defaultPrice: DEFAULT_UNKNOWN_MODEL_PRICE,
  });
  const plain = createModelPricing({ priceOverrides: {}, defaultPrice: { input_per_mtok: 5, output_per_mtok: 7 } });

  it('prices known models from the @pydantic/genai-prices dataset', () => {
    // gpt-4o-mini: $0.15 input / $0.60 output per million tokens.
    expect(plain.cost('gpt-4o-mini', 1_000_000, 1_000_000, 'openai')).toBeCloseTo(0.75);
    expect(plain.cost('gpt-4o-mini', 2_000, 1_000)).toBeCloseTo(0.0009);
    expect(plain.cost('claude-3-5-haiku-latest', 1_000_000, 0, 'anthropic')).toBeGreaterThan(0);
  });

  it('lets config overrides win over the dataset', () => {
    expect(pricing.cost('gpt-4o-mini', 1_000_000, 1_000_000, 'openai')).toBeCloseTo(20);
    expect(pricing.cost('my-llama', 500_000, 250_000, 'custom')).toBeCloseTo(2);
  });

  it('prices unknown models at the configured default, repeatedly', () => {
    expect(plain.cost('totally-unknown-model-x', 1_000_000, 1_000_000, 'custom')).toBeCloseTo(12);
    expect(plain.cost('totally-unknown-model-x', 1_000_000, 0, 'custom')).toBeCloseTo(5);
    expect(pricing.cost('totally-unknown-model-x', 1_000_000, 1_000_000)).toBeCloseTo(4);
  });

  it('makes the offline model free', () => {
    expect(pricing.cost('riptide-offline', 1_000_000, 1_000_000)).toBe(0);
    expect(pricing.cost('gpt-4o-mini', 1_000_000, 1_000_000, 'offline')).toBe(0);
  });

  it('prices the offline model when RIPTIDE_MODEL_PRICES names it, so budgets can be exercised offline', () => {
    const priced = createModelPricing({
      priceOverrides: { 'riptide-offline': { input_per_mtok: 3, output_per_mtok: 6 } },
      defaultPrice: DEFAULT_UNKNOWN_MODEL_PRICE,
    });
    expect(priced.cost('riptide-offline', 1_000_000, 1_000_000)).toBeCloseTo(9);
    expect(priced.cost('gpt-4o-mini', 1_000_000, 0, 'offline')).toBeCloseTo(3);
  });
});
