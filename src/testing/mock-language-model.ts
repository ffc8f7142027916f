// A scriptable AI SDK LanguageModelV3 for tests: replies scripted per purpose (riptide tags every
// call with one) or per call, every call recorded. Hand it to createRiptide(config, { languageModel })
// and a test states exactly what each model call returns, instead of steering the offline model's
// heuristics with trigger phrases.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { type PromptView, readPromptView } from '../models/offline/prompt-view.js';
import { type ModelPurpose, readModelCallMetadata } from '../spec/model-call.js';

/** A tool call a scripted reply makes; `arguments` as an object, or as raw text (to script bad JSON). */
export interface ScriptedToolCall {
  name: string;
  arguments?: Record<string, unknown> | string;
  id?: string;
}

export interface ScriptedMessage {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Tokens reported for the call (default: ~4 characters per token of prompt and reply). */
  usage?: { input: number; output: number };
}

/** What one call answers: text, a message, an error to throw, or a function of the recorded call. */
export type ScriptedReply =
  | string
  | ScriptedMessage
  | { error: Error }
  | ((call: RecordedCall) => ScriptedReply | Promise<ScriptedReply>);

/** One call as the model received it. */
export interface RecordedCall {
  /** 0-based position among all calls. */
  index: number;
  purpose: ModelPurpose;
  /** The vote sample index, when the call is a vote sample. */
  sample: number | undefined;
  system: string;
  /** User text of the prompt (where riptide's `## Section` blocks live). */
  prompt: string;
  /** Names of the tools offered. */
  tools: string[];
  toolChoice: LanguageModelV3CallOptions['toolChoice'];
  /** Tool results the model has seen in this conversation, in order. */
  toolResults: PromptView['toolResults'];
  streamed: boolean;
  options: LanguageModelV3CallOptions;
}

export interface MockLanguageModelOptions {
  /** Replies per purpose, used in order; a single reply answers every call of that purpose. */
  byPurpose?: Partial<Record<ModelPurpose, ScriptedReply | ScriptedReply[]>>;
  /** Replies in call order, used before `byPurpose` while they last. */
  sequence?: ScriptedReply[];
  /** Answers calls nothing else scripts; by default such a call throws, naming its purpose. */
  fallback?: ScriptedReply;
  /** Waited before every reply (simulated provider latency); honours the call's abort signal. */
  latencyMs?: number;
  modelId?: string;
}

export class MockLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3' as const;
  readonly provider = 'mock';
  readonly modelId: string;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  /** Every call so far, in order. */
  readonly calls: RecordedCall[] = [];

  private readonly sequence: ScriptedReply[];
  private readonly used = new Map<ModelPurpose, number>();

  constructor(private readonly options: MockLanguageModelOptions = {}) {
    this.modelId = options.modelId ?? 'mock-model';
    this.sequence = [...(options.sequence ?? [])];
  }

  /** The recorded calls of one purpose. */
  callsFor(purpose: ModelPurpose): RecordedCall[] {
    return this.calls.filter((call) => call.purpose === purpose);
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { call, message } = await this.answer(options, false);
    const content: LanguageModelV3Content[] = [];
    if (message.text) content.push({ type: 'text', text: message.text });
    for (const toolCall of toolCallsOf(message, call.index)) content.push(toolCall);
    return {
      content,
      finishReason: finishReasonOf(message),
      usage: usageOf(call, message),
      warnings: [],
      response: { modelId: this.modelId },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { call, message } = await this.answer(options, true);
    const parts: LanguageModelV3StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', modelId: this.modelId },
    ];
    if (message.text) {
      parts.push({ type: 'text-start', id: 'text-0' });
      // Word-sized deltas, so streaming consumers see more than one.
      for (const delta of message.text.match(/\S+\s*|\s+/g) ?? [])
        parts.push({ type: 'text-delta', id: 'text-0', delta });
      parts.push({ type: 'text-end', id: 'text-0' });
    }
    parts.push(...toolCallsOf(message, call.index));
    parts.push({ type: 'finish', finishReason: finishReasonOf(message), usage: usageOf(call, message) });
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    });
    return { stream };
  }

  private async answer(
    options: LanguageModelV3CallOptions,
    streamed: boolean,
  ): Promise<{ call: RecordedCall; message: ScriptedMessage }> {
    options.abortSignal?.throwIfAborted();
    const metadata = readModelCallMetadata(options.providerOptions);
    const view = readPromptView(options);
    const call: RecordedCall = {
      index: this.calls.length,
      purpose: metadata.purpose,
      sample: metadata.sample,
      system: view.system,
      prompt: view.sectionText,
      tools: view.tools.map((tool) => tool.name),
      toolChoice: options.toolChoice,
      toolResults: view.toolResults,
      streamed,
      options,
    };
    this.calls.push(call);
    if (this.options.latencyMs) await delay(this.options.latencyMs, options.abortSignal);
    const message = await resolveReply(this.next(call), call);
    return { call, message };
  }

  private next(call: RecordedCall): ScriptedReply {
    if (this.sequence.length > 0) return this.sequence.shift() as ScriptedReply;
    const scripted = this.options.byPurpose?.[call.purpose];
    if (scripted !== undefined) {
      if (!Array.isArray(scripted)) return scripted;
      const used = this.used.get(call.purpose) ?? 0;
      if (used < scripted.length) {
        this.used.set(call.purpose, used + 1);
        return scripted[used];
      }
    }
    if (this.options.fallback !== undefined) return this.options.fallback;
    throw new Error(`MockLanguageModel: no scripted reply for call ${call.index} (purpose '${call.purpose}')`);
  }
}

async function resolveReply(reply: ScriptedReply, call: RecordedCall): Promise<ScriptedMessage> {
  if (typeof reply === 'function') return resolveReply(await reply(call), call);
  if (typeof reply === 'string') return { text: reply };
  if ('error' in reply) throw reply.error;
  return reply;
}

function toolCallsOf(
  message: ScriptedMessage,
  callIndex: number,
): Extract<LanguageModelV3Content, { type: 'tool-call' }>[] {
  return (message.toolCalls ?? []).map((toolCall, position) => ({
    type: 'tool-call' as const,
    toolCallId: toolCall.id ?? `call_${callIndex}_${position}`,
    toolName: toolCall.name,
    input: typeof toolCall.arguments === 'string' ? toolCall.arguments : JSON.stringify(toolCall.arguments ?? {}),
  }));
}

function finishReasonOf(message: ScriptedMessage): LanguageModelV3GenerateResult['finishReason'] {
  return message.toolCalls?.length ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' };
}

function usageOf(call: RecordedCall, message: ScriptedMessage): LanguageModelV3Usage {
  const estimate = (text: string) => Math.max(1, Math.ceil(text.length / 4));
  const input = message.usage?.input ?? estimate(call.system + call.prompt);
  const output =
    message.usage?.output ??
    estimate((message.text ?? '') + (message.toolCalls ?? []).map((toolCall) => toolCall.name).join(''));
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
