// Builds AI SDK provider models (language and embedding) for a connection. The provider object is
// rebuilt only when the connection changes, so calls reuse one HTTP client configuration, and each
// model id's model object is built once per provider: an AI SDK model builds its zod response
// schemas in its constructor (dozens of schemas and hundreds of closures for an OpenAI-compatible
// chat model), which per call was ~7 % of a busy server's CPU and most of an in-flight call's heap.
// Each provider package is imported when a connection first needs it: offline runs load none of them.
import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import { LRUCache } from 'lru-cache';
import type { ConnectionSettings } from './model-gateway.js';

export interface ProviderFactory {
  languageModel(connection: ConnectionSettings, modelId: string): Promise<LanguageModelV3>;
  /** Null when the provider has no embedding API (anthropic, offline). */
  embeddingModel(connection: ConnectionSettings, modelId: string): Promise<EmbeddingModelV3 | null>;
}

/** Model ids kept per provider: a run may name any model, so the set is bounded (least recently used goes). */
const MODELS_PER_PROVIDER = 32;

interface BuiltProvider {
  language(modelId: string): LanguageModelV3;
  embedding: ((modelId: string) => EmbeddingModelV3) | null;
}

export function createProviderFactory(): ProviderFactory {
  let cached: { connection: ConnectionSettings; provider: BuiltProvider } | null = null;

  const providerFor = async (connection: ConnectionSettings): Promise<BuiltProvider> => {
    if (cached && sameConnection(cached.connection, connection)) return cached.provider;
    const provider = memoized(await build(connection));
    // Two first calls may build at once; the later one to finish wins, both are equivalent.
    cached = { connection: { ...connection }, provider };
    return provider;
  };

  return {
    languageModel: async (connection, modelId) => (await providerFor(connection)).language(modelId),
    embeddingModel: async (connection, modelId) => (await providerFor(connection)).embedding?.(modelId) ?? null,
  };
}

/** The same provider whose models are built once per model id (AI SDK models are stateless between calls). */
function memoized(provider: BuiltProvider): BuiltProvider {
  return {
    language: oncePerId(provider.language),
    embedding: provider.embedding ? oncePerId(provider.embedding) : null,
  };
}

function oncePerId<T extends object>(build: (modelId: string) => T): (modelId: string) => T {
  const models = new LRUCache<string, T>({ max: MODELS_PER_PROVIDER });
  return (modelId) => {
    let model = models.get(modelId);
    if (!model) {
      model = build(modelId);
      models.set(modelId, model);
    }
    return model;
  };
}

async function build(connection: ConnectionSettings): Promise<BuiltProvider> {
  const apiKey = connection.apiKey ?? undefined;
  const baseURL = connection.apiBase ?? undefined;
  switch (connection.provider) {
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      const openai = createOpenAI({ apiKey, baseURL });
      // Chat Completions rather than the Responses API: it is what OPENAI_BASE_URL proxies speak too.
      return { language: (id) => openai.chat(id), embedding: (id) => openai.embeddingModel(id) };
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      const anthropic = createAnthropic({ apiKey, baseURL });
      return { language: (id) => anthropic.languageModel(id), embedding: null };
    }
    case 'custom': {
      if (!baseURL) throw new Error('the custom provider needs an api_base');
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
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
