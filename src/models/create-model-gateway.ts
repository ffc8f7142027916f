// The ModelGateway implementation over the Vercel AI SDK: resolves which model serves a call
// (offline, openai, anthropic, custom; planner vs worker tier; per-run override), runs it with a
// per-call timeout combined with the caller's abort signal and the SDK's retry on retryable errors,
// and reports usage and cost.

import type { LanguageModelV3 } from '@ai-sdk/provider';
import { embedMany, generateText, type ModelMessage, streamText, type ToolSet } from 'ai';
import type { RiptideConfig } from '../config/config.js';
import { riptideProviderOptions } from '../spec/model-call.js';
import { callDeadline } from './call-deadline.js';
import { createConnectionManager } from './connection-manager.js';
import { toModelError } from './model-error.js';
import type {
  ModelCallRequest,
  ModelCallResult,
  ModelGateway,
  ModelPurpose,
  ModelTier,
  ModelToolCall,
} from './model-gateway.js';
import { createModelPricing } from './model-pricing.js';
import {
  OFFLINE_MODEL_ID,
  OfflineLanguageModel,
  type OfflineLanguageModelOptions,
} from './offline/offline-language-model.js';
import { warmUpPromptSchema } from './prompt-schema-warmup.js';
import { createProviderFactory } from './provider-factory.js';
import { countTokens } from './token-count.js';
import { createToolSetBuilder } from './tool-set-builder.js';

export interface ModelGatewayOptions {
  /** Options for the built-in offline model (e.g. a request log for tests). */
  offline?: OfflineLanguageModelOptions;
  /**
   * Any AI SDK model (a provider's, or a scripted test model) that serves every call, whatever the
   * connection, tier or `offline` flag says. It is priced like any model (RIPTIDE_MODEL_PRICES or
   * the default price) and reported as a `custom` provider under its own model id.
   */
  languageModel?: LanguageModelV3;
}

const PLANNER_PURPOSES = new Set<ModelPurpose>([
  'plan',
  'compose',
  'critic',
  'supervisor',
  'reflect',
  'structured',
  'guard',
]);

/** The tier a purpose uses unless the request names one. */
export function defaultTier(purpose: ModelPurpose): ModelTier {
  return PLANNER_PURPOSES.has(purpose) ? 'planner' : 'worker';
}

interface CallOutcome {
  text: string;
  toolCalls: ModelToolCall[];
  finishReason: string;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
}

export function createModelGateway(config: RiptideConfig['model'], options: ModelGatewayOptions = {}): ModelGateway {
  const connections = createConnectionManager(config);
  const providers = createProviderFactory();
  const toolSets = createToolSetBuilder();
  const pricing = createModelPricing(config);
  const offlineModel = new OfflineLanguageModel(options.offline);
  warmUpPromptSchema();

  const injected = options.languageModel;

  const resolveModel: ModelGateway['resolveModel'] = ({ tier, model, offline }) => {
    if (injected) return { provider: 'custom', model: injected.modelId };
    const connection = connections.current();
    if (offline || model === OFFLINE_MODEL_ID || connection.provider === 'offline' || !connections.isConfigured()) {
      return { provider: 'offline', model: OFFLINE_MODEL_ID };
    }
    const tierModel = (tier ?? 'worker') === 'planner' ? connection.plannerModel : connection.workerModel;
    return { provider: connection.provider, model: model || tierModel };
  };

  // `maxRetries` override: a connection test should report a dead endpoint at once, not after backoff.
  const call = async (request: ModelCallRequest, overrides: { maxRetries?: number } = {}): Promise<ModelCallResult> => {
    const started = performance.now();
    const target = resolveModel({
      tier: request.tier ?? defaultTier(request.purpose),
      model: request.model,
      offline: request.offline,
    });
    const connection = connections.current();
    const offline = target.provider === 'offline';
    const deadline = callDeadline(config.timeoutMs, request.abortSignal);
    const abortSignal = deadline.signal;
    const sampling = request.sampling ?? {};
    let outcome: CallOutcome;
    try {
      abortSignal.throwIfAborted();
      const settings = {
        model: injected ?? (offline ? offlineModel : await providers.languageModel(connection, target.model)),
        system: request.system,
        messages: request.messages,
        tools: request.tools ? toolSets.build(request.tools) : undefined,
        toolChoice: request.tools ? request.toolChoice : undefined,
        temperature: sampling.temperature,
        topP: sampling.top_p,
        maxOutputTokens: sampling.max_tokens,
        seed: sampling.seed,
        maxRetries: offline ? 0 : (overrides.maxRetries ?? config.maxRetries),
        abortSignal,
        providerOptions: riptideProviderOptions({ ...request.metadata, purpose: request.purpose }),
      };
      outcome = request.onTextDelta ? await streamCall(settings, request.onTextDelta) : await generateCall(settings);
    } catch (error) {
      throw toModelError(error, {
        provider: target.provider,
        model: target.model,
        timeoutMs: config.timeoutMs,
        timedOut: deadline.timedOut,
        callerAborted: request.abortSignal?.aborted ?? false,
        apiKey: connection.apiKey,
      });
    } finally {
      deadline.release();
    }
    // Fallback when a provider reports no usage (some OpenAI-compatible servers): count it ourselves.
    const promptTokens = outcome.inputTokens ?? countTokens(promptText(request.system, request.messages));
    const completionTokens =
      outcome.outputTokens ??
      countTokens(outcome.text + outcome.toolCalls.map((c) => c.toolName + c.rawInput).join(''));
    return {
      text: outcome.text,
      toolCalls: outcome.toolCalls,
      finishReason: outcome.finishReason,
      usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
      costUsd: pricing.cost(target.model, promptTokens, completionTokens, target.provider),
      provider: target.provider,
      model: target.model,
      latencyMs: performance.now() - started,
    };
  };

  return {
    call: (request) => call(request),
    resolveModel,
    async embed(texts, embedOptions = {}) {
      const connection = connections.current();
      if (embedOptions.offline || !config.embeddingModel || texts.length === 0) return null;
      if (connection.provider === 'offline' || !connections.isConfigured()) return null;
      const model = await providers.embeddingModel(connection, config.embeddingModel);
      if (!model) return null;
      const timeoutSignal = AbortSignal.timeout(config.timeoutMs);
      const abortSignal = embedOptions.abortSignal
        ? AbortSignal.any([embedOptions.abortSignal, timeoutSignal])
        : timeoutSignal;
      try {
        const result = await embedMany({ model, values: texts, maxRetries: config.maxRetries, abortSignal });
        return result.embeddings;
      } catch (error) {
        throw toModelError(error, {
          provider: connection.provider,
          model: config.embeddingModel,
          timeoutMs: config.timeoutMs,
          timedOut: timeoutSignal.aborted,
          callerAborted: embedOptions.abortSignal?.aborted ?? false,
          apiKey: connection.apiKey,
        });
      }
    },
    listModels() {
      const connection = connections.current();
      if (connection.provider === 'offline') return [OFFLINE_MODEL_ID];
      return [...new Set([connection.model, connection.plannerModel, connection.workerModel, OFFLINE_MODEL_ID])];
    },
    worstCaseCost(request) {
      const target = resolveModel({
        tier: request.tier ?? defaultTier(request.purpose),
        model: request.model,
        offline: request.offline,
      });
      const maxOutputTokens = request.sampling?.max_tokens ?? config.maxOutputTokens;
      const tools = request.tools ? JSON.stringify(request.tools) : '';
      const promptTokens = countTokens(promptText(request.system, request.messages) + tools);
      return { usd: pricing.cost(target.model, promptTokens, maxOutputTokens, target.provider), maxOutputTokens };
    },
    estimateCost(model, promptTokens, completionTokens) {
      const provider = model === OFFLINE_MODEL_ID ? 'offline' : connections.current().provider;
      return pricing.cost(model, promptTokens, completionTokens, provider);
    },
    countTokens: (text) => countTokens(text),
    getConnection: () => connections.view(),
    setConnection: (settings) => connections.set(settings),
    async testConnection(testOptions = {}) {
      const model = resolveModel({ tier: 'worker' }).model;
      const started = performance.now();
      try {
        const result = await call(
          {
            purpose: 'ping',
            messages: [{ role: 'user', content: 'ping' }],
            sampling: { max_tokens: 16 },
            abortSignal: testOptions.abortSignal,
          },
          { maxRetries: 0 },
        );
        const latency = Math.round(performance.now() - started);
        const detail = result.provider === 'offline' ? 'offline model answered' : `${result.provider} answered`;
        return { ok: true, model: result.model, latency_ms: latency, detail };
      } catch (error) {
        const latency = Math.round(performance.now() - started);
        return {
          ok: false,
          model,
          latency_ms: latency,
          detail: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}

type CallSettings = Parameters<typeof generateText>[0] & { tools?: ToolSet };

async function generateCall(settings: CallSettings): Promise<CallOutcome> {
  const result = await generateText(settings);
  return {
    text: result.text,
    toolCalls: result.toolCalls.map(toModelToolCall),
    finishReason: result.finishReason,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
  };
}

async function streamCall(settings: CallSettings, onTextDelta: (delta: string) => void): Promise<CallOutcome> {
  // Errors are rethrown from the loop below; the default onError would also log them.
  const result = streamText({ ...settings, onError: () => {} } as Parameters<typeof streamText>[0]);
  let text = '';
  const toolCalls: ModelToolCall[] = [];
  let finishReason = 'unknown';
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  for await (const part of result.fullStream) {
    switch (part.type) {
      case 'text-delta':
        text += part.text;
        onTextDelta(part.text);
        break;
      case 'tool-call':
        toolCalls.push(toModelToolCall(part));
        break;
      case 'finish':
        finishReason = part.finishReason;
        inputTokens = part.totalUsage.inputTokens;
        outputTokens = part.totalUsage.outputTokens;
        break;
      case 'error':
        throw part.error;
      case 'abort':
        throw settings.abortSignal?.reason ?? new Error('aborted');
    }
  }
  return { text, toolCalls, finishReason, inputTokens, outputTokens };
}

/** Valid and invalid SDK tool calls alike; invalid ones keep the model's raw argument text. */
function toModelToolCall(call: {
  toolCallId: string;
  toolName: string;
  input: unknown;
  invalid?: boolean;
}): ModelToolCall {
  const unparsed = call.invalid === true && typeof call.input === 'string';
  return {
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    input: unparsed ? undefined : call.input,
    rawInput: unparsed ? (call.input as string) : (JSON.stringify(call.input) ?? ''),
  };
}

function promptText(system: string | undefined, messages: ModelMessage[]): string {
  const parts: string[] = system ? [system] : [];
  for (const message of messages) {
    if (typeof message.content === 'string') parts.push(message.content);
    else parts.push(JSON.stringify(message.content));
  }
  return parts.join('\n');
}
