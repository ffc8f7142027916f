// Builds AI SDK provider models (language and embedding) for a connection. The provider object is
// rebuilt only when the connection changes, so calls reuse one HTTP client configuration.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import type { ConnectionSettings } from './model-gateway.js';

export interface ProviderFactory {
  languageModel(connection: ConnectionSettings, modelId: string): LanguageModelV3;
  /** Null when the provider has no embedding API (anthropic, offline). */
  embeddingModel(connection: ConnectionSettings, modelId: string): EmbeddingModelV3 | null;
}

interface BuiltProvider {
  language(modelId: string): LanguageModelV3;
  embedding: ((modelId: string) => EmbeddingModelV3) | null;
}

export function createProviderFactory(): ProviderFactory {
  let cached: { connection: ConnectionSettings; provider: BuiltProvider } | null = null;

  const providerFor = (connection: ConnectionSettings): BuiltProvider => {
    if (cached && sameConnection(cached.connection, connection)) return cached.provider;
    const provider = build(connection);
    cached = { connection: { ...connection }, provider };
    return provider;
  };

  return {
    languageModel: (connection, modelId) => providerFor(connection).language(modelId),
    embeddingModel: (connection, modelId) => providerFor(connection).embedding?.(modelId) ?? null,
  };
}

function build(connection: ConnectionSettings): BuiltProvider {
  const apiKey = connection.apiKey ?? undefined;
  const baseURL = connection.apiBase ?? undefined;
  switch (connection.provider) {
    case 'openai': {
      const openai = createOpenAI({ apiKey, baseURL });
      // Chat Completions rather than the Responses API: it is what OPENAI_BASE_URL proxies speak too.
      return { language: (id) => openai.chat(id), embedding: (id) => openai.embeddingModel(id) };
    }
    case 'anthropic': {
      const anthropic = createAnthropic({ apiKey, baseURL });
      return { language: (id) => anthropic.languageModel(id), embedding: null };
    }
    case 'custom': {
      if (!baseURL) throw new Error('the custom provider needs an api_base');
      const compatible = createOpenAICompatible({ name: 'custom', baseURL, apiKey, includeUsage: true });
      return { language: (id) => compatible.languageModel(id), embedding: (id) => compatible.embeddingModel(id) };
    }
    case 'offline':
      throw new Error('the offline provider is served by OfflineLanguageModel');
  }
}

function sameConnection(a: ConnectionSettings, b: ConnectionSettings): boolean {
  return a.provider === b.provider && a.apiBase === b.apiBase && a.apiKey === b.apiKey;
}
