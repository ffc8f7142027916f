import { describe, expect, it } from 'vitest';
import type { ConnectionSettings } from './model-gateway.js';
import { createProviderFactory } from './provider-factory.js';

const custom = (apiBase: string): ConnectionSettings => ({
  provider: 'custom',
  model: 'model-a',
  apiBase,
  apiKey: 'sk-test',
});

describe('provider factory', () => {
  it('builds one language model per model id and connection, not one per call', async () => {
    const factory = createProviderFactory();
    const connection = custom('http://127.0.0.1:1/v1');
    const first = await factory.languageModel(connection, 'model-a');
    expect(await factory.languageModel(connection, 'model-a')).toBe(first);
    expect(await factory.languageModel(connection, 'model-b')).not.toBe(first);
    expect((await factory.languageModel(connection, 'model-b')).modelId).toBe('model-b');
  });

  it('builds new models when the connection changes', async () => {
    const factory = createProviderFactory();
    const first = await factory.languageModel(custom('http://127.0.0.1:1/v1'), 'model-a');
    const other = await factory.languageModel(custom('http://127.0.0.1:2/v1'), 'model-a');
    expect(other).not.toBe(first);
    expect(await factory.embeddingModel(custom('http://127.0.0.1:2/v1'), 'embed')).toBe(
      await factory.embeddingModel(custom('http://127.0.0.1:2/v1'), 'embed'),
    );
  });
});
