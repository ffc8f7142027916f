// The built-in deterministic offline model: a real AI SDK LanguageModelV3, so the offline path runs
// the same gateway code as real providers (streaming, tool calls, usage, abort). It dispatches on
// `providerOptions.riptide.purpose` and reads the prompt sections of src/prompts/contract.ts.
/*
 * Trigger words (copied to the README so users can drive the demo):
 *
 * plan / compose  The task is split on " and ", ", ", "; ", ". ", " then ", "and then", "after that",
 *                 "finally". "then" / "after that" / "finally" make the next subtask depend on the
 *                 previous one; the others give independent subtasks. Quoted text and arithmetic
 *                 ("21 * 2") are never split; a one-word fragment is merged back ("cats and dogs").
 *                 compose picks a listed role: calc/compute/analy* → analyst, write/save/note/record →
 *                 scribe, search/research/find → researcher, code/function/bug → coder, else generalist.
 * worker          "clarify", "ask me", "ask the user", "which one", "unclear" → ask_human (when offered).
 *                 "hand off to <role>", "delegate to <role>", "as a <role>" → handoff (when offered).
 *                 arithmetic ("21 * 2", "12 plus 30") → calculator {expression};
 *                 "save" / "note" / "record" / "write … about X" → write_note {title, content};
 *                 "count (the) words in …" → word_count {text}; "uppercase …" → uppercase {text};
 *                 "search" / "look up" / "find" / "research" → kb_search {query};
 *                 otherwise the offered tool whose name/description share the most words, arguments
 *                 filled from its JSON Schema; no fitting tool → a direct answer.
 *                 After a tool result it answers from it ("21 * 2 = 42"); after an "ERROR (…)" result
 *                 it self-corrects once, then reports the failure.
 *                 "use a bogus tool" → first calls `no_such_tool` (an invalid call), then self-corrects.
 * vote            a direct answer, the same for the same input and sample; when tools are offered and one
 *                 fits the subtask it asks for that tool instead (so the graph abandons the vote).
 * critic          fail when the Result is empty or says error / failed / denied / could not / unable /
 *                 exception; pass otherwise.
 * supervisor      "Retry <subtask> and report a concrete result" per Failed line (role kept).
 * finalize        one result → its output; several → a numbered list of every result.
 * structured      a JSON instance of the Schema, string fields named answer/summary/result/text/title…
 *                 filled from the Answer, numbers from the Answer's numbers.
 * reflect         a lesson naming the approach (e.g. "For arithmetic like '21 * 2', use the calculator
 *                 tool and report the exact result.") with tags from the task.
 * chat            arithmetic answered; "what did I say before" answered from the previous user message.
 * ping            "pong".
 */
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { type ModelPurpose, readModelCallMetadata } from '../../spec/model-call.js';
import { countOfflineTokens } from '../token-count.js';
import { chatReply, criticReply, finalizeReply, reflectReply, voteReply } from './answer-replies.js';
import { guardReply } from './guard-reply.js';
import { composeReply, planReply, supervisorReply } from './planner-replies.js';
import { type PromptView, readPromptView } from './prompt-view.js';
import { structuredReply } from './structured-reply.js';
import { splitIntoDeltas } from './text-deltas.js';
import { decideWorkerAction, type WorkerAction } from './worker-policy.js';

export const OFFLINE_MODEL_ID = 'riptide-offline';
export const OFFLINE_PROVIDER_ID = 'riptide';

export interface OfflineLanguageModelOptions {
  /** Called with every request's purpose and full prompt text (messages and tool definitions). */
  onRequest?: (purpose: string, promptText: string) => void;
}

interface OfflineReply {
  text: string;
  toolCalls: { toolCallId: string; toolName: string; input: string }[];
}

export class OfflineLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3' as const;
  readonly provider = OFFLINE_PROVIDER_ID;
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls: Record<string, RegExp[]> = {};

  constructor(private readonly options: OfflineLanguageModelOptions = {}) {}

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    options.abortSignal?.throwIfAborted();
    const { view, reply } = this.respond(options);
    const content: LanguageModelV3Content[] = [];
    if (reply.text !== '') content.push({ type: 'text', text: reply.text });
    for (const call of reply.toolCalls) content.push({ type: 'tool-call', ...call });
    return {
      content,
      finishReason: finishReason(reply),
      usage: usageOf(view, reply),
      warnings: [],
      response: { modelId: OFFLINE_MODEL_ID },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    options.abortSignal?.throwIfAborted();
    const { view, reply } = this.respond(options);
    const parts: LanguageModelV3StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', modelId: OFFLINE_MODEL_ID },
    ];
    if (reply.text !== '') {
      parts.push({ type: 'text-start', id: 'text-0' });
      for (const delta of splitIntoDeltas(reply.text)) parts.push({ type: 'text-delta', id: 'text-0', delta });
      parts.push({ type: 'text-end', id: 'text-0' });
    }
    for (const call of reply.toolCalls) parts.push({ type: 'tool-call', ...call });
    parts.push({ type: 'finish', finishReason: finishReason(reply), usage: usageOf(view, reply) });

    const signal = options.abortSignal;
    let index = 0;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      async pull(controller) {
        // Yield to the event loop between parts so a caller's abort can land mid-stream, like a network stream.
        if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        if (signal?.aborted) {
          controller.error(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
          return;
        }
        const part = parts[index++];
        if (part === undefined) controller.close();
        else controller.enqueue(part);
      },
    });
    return { stream };
  }

  private respond(options: LanguageModelV3CallOptions): { view: PromptView; reply: OfflineReply } {
    const { purpose } = readModelCallMetadata(options.providerOptions);
    const view = readPromptView(options);
    this.options.onRequest?.(purpose, view.fullText);
    return { view, reply: reply(purpose, view) };
  }
}

function reply(purpose: ModelPurpose, view: PromptView): OfflineReply {
  const text = (value: string): OfflineReply => ({ text: value, toolCalls: [] });
  const json = (value: unknown): OfflineReply => text(JSON.stringify(value));
  switch (purpose) {
    case 'plan':
      return json(planReply(view.sectionText));
    case 'compose':
      return json(composeReply(view.sectionText));
    case 'supervisor':
      return json(supervisorReply(view.sectionText));
    case 'critic':
      return json(criticReply(view.sectionText));
    case 'structured':
      return json(structuredReply(view.sectionText));
    case 'reflect':
      return json(reflectReply(view.sectionText, [...new Set(view.toolCalls.map((call) => call.toolName))]));
    case 'finalize':
      return text(finalizeReply(view.sectionText));
    case 'vote': {
      const wanted = view.tools.length > 0 ? decideWorkerAction(view) : null;
      return wanted?.type === 'tool-call' ? toolCallReply(view, wanted) : text(voteReply(view.sectionText));
    }
    case 'ping':
      return text('pong');
    case 'guard':
      return json(guardReply(view.sectionText));
    case 'worker': {
      const action = decideWorkerAction(view);
      return action.type === 'text' ? text(action.text) : toolCallReply(view, action);
    }
    default:
      return text(chatReply(view.userMessages));
  }
}

function toolCallReply(view: PromptView, action: Extract<WorkerAction, { type: 'tool-call' }>): OfflineReply {
  // Numbered by the calls already in the conversation, so ids stay unique across a worker's steps.
  const toolCallId = `call_${view.toolCalls.length + 1}_${action.toolName}`;
  return { text: '', toolCalls: [{ toolCallId, toolName: action.toolName, input: JSON.stringify(action.input) }] };
}

function finishReason(reply: OfflineReply): LanguageModelV3FinishReason {
  return reply.toolCalls.length > 0 ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' };
}

function usageOf(view: PromptView, reply: OfflineReply): LanguageModelV3Usage {
  const promptTokens = countOfflineTokens(view.fullText);
  const completionTokens = countOfflineTokens(
    reply.text + reply.toolCalls.map((call) => `${call.toolName}${call.input}`).join(''),
  );
  return {
    inputTokens: { total: promptTokens, noCache: promptTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: completionTokens, text: completionTokens, reasoning: 0 },
  };
}
