// The ModelGateway seam: every model call in riptide goes through it. It resolves which model serves
// a call (offline, openai, anthropic, custom; planner vs worker; per-run override), adds timeout,
// retry on retryable errors and abort, and reports usage and cost. Implemented over the Vercel AI SDK.
import type { ModelMessage } from 'ai';
import type { ConnectionTestResult, ConnectionView, ProviderName } from '../spec/connection.js';
import type { ModelCallMetadata, ModelPurpose } from '../spec/model-call.js';
import type { Sampling } from '../spec/run-options.js';
import type { JsonSchema } from '../spec/tool-descriptor.js';

export type { ModelPurpose };

export type ModelTier = 'planner' | 'worker';

/** A tool offered to the model: name → description + prebuilt JSON Schema (no zod re-conversion per call). */
export interface ModelToolDefinition {
  description: string;
  json_schema: JsonSchema;
}

export interface ModelCallRequest {
  purpose: ModelPurpose;
  /** Which configured model serves the call; defaults to planner for plan/compose/critic/supervisor/reflect. */
  tier?: ModelTier;
  /** Per-run model override (RunOptions.model). */
  model?: string | null;
  /** Force the built-in offline model. */
  offline?: boolean;
  system?: string;
  messages: ModelMessage[];
  tools?: Record<string, ModelToolDefinition>;
  toolChoice?: 'auto' | 'none' | 'required';
  sampling?: Sampling | null;
  /** Ask the provider for JSON output where it supports it (plan, critic, structured…). */
  json?: boolean;
  abortSignal?: AbortSignal;
  /** When set the call streams and each text delta is handed over as it arrives. */
  onTextDelta?: (delta: string) => void;
  /** Details for `providerOptions.riptide` besides the purpose (e.g. the sample index of a vote). */
  metadata?: Omit<ModelCallMetadata, 'purpose'>;
}

export interface ModelToolCall {
  toolCallId: string;
  toolName: string;
  /** Parsed arguments when they parsed; otherwise undefined. */
  input: unknown;
  /** The arguments exactly as the model produced them (JSON text). */
  rawInput: string;
}

export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ModelCallResult {
  text: string;
  /** Every tool call the model made, including invalid ones (unknown name, bad JSON): the registry classifies them. */
  toolCalls: ModelToolCall[];
  finishReason: string;
  usage: ModelUsage;
  costUsd: number;
  provider: ProviderName;
  model: string;
  latencyMs: number;
}

export interface ConnectionSettings {
  provider: ProviderName;
  model: string;
  apiBase: string | null;
  apiKey: string | null;
}

export type { ConnectionTestResult, ConnectionView };

export interface ModelGateway {
  call(request: ModelCallRequest): Promise<ModelCallResult>;
  /** Embeddings for memory retrieval when a provider embedding model is configured; null → use the offline hashing embedding. */
  embed(texts: string[], options?: { offline?: boolean; abortSignal?: AbortSignal }): Promise<number[][] | null>;
  /** Model ids to show in /api/meta and /v1/models. */
  listModels(): string[];
  /** The model a call would use (after override/offline resolution), for pricing estimates and display. */
  resolveModel(options: { tier?: ModelTier; model?: string | null; offline?: boolean }): {
    provider: ProviderName;
    model: string;
  };
  /**
   * The most a call can cost: its prompt's tokens at the input price plus its output cap
   * (`sampling.max_tokens`, else the configured cap) at the output price — what a budget reserves.
   */
  worstCaseCost(request: ModelCallRequest): { usd: number; maxOutputTokens: number };
  /** Estimated cost in USD for a number of tokens on a model (composer estimates, budgets). */
  estimateCost(model: string, promptTokens: number, completionTokens: number): number;
  /** Counts tokens of a text with a real tokenizer. */
  countTokens(text: string): number;
  getConnection(): ConnectionView;
  setConnection(settings: Partial<ConnectionSettings> & { provider: ProviderName }): ConnectionView;
  testConnection(options?: { abortSignal?: AbortSignal }): Promise<ConnectionTestResult>;
}
