// The run's model calls: each goes through the tenant's budget (budgeted-call.ts) with the run's
// model, offline flag, sampling and abort signal applied; its spend is added to the run state's
// tally and a model_call event is emitted.
import type { ModelCallRequest, ModelCallResult } from '../models/model-gateway.js';
import type { RunEvent } from '../spec/run-events.js';
import type { ToolCallFailureKind } from '../spec/tool-descriptor.js';
import { callWithinBudget } from './budgeted-call.js';
import type { RunRuntime } from './run-runtime.js';
import type { RunTally } from './run-state.js';

/** How much of a prompt and of a reply a model_call event keeps. */
const EVENT_TEXT_CHARS = 2_000;

export type ModelCallInput = Omit<ModelCallRequest, 'model' | 'offline' | 'abortSignal'> & {
  /** The plan step the call works on, for the run's event log. */
  subtaskIndex?: number;
};

export interface ModelCaller {
  call(request: ModelCallInput): Promise<ModelCallResult>;
  countFailure(kind: ToolCallFailureKind): void;
  /** The node now running (for the events); set by the run loop. */
  node: string;
}

export function createModelCaller(runtime: RunRuntime, tally: RunTally, emit: (event: RunEvent) => void): ModelCaller {
  const { deps, options, threadId } = runtime;
  const caller: ModelCaller = {
    node: '',
    async call(input) {
      runtime.signal?.throwIfAborted();
      const { subtaskIndex, ...rest } = input;
      const request: ModelCallRequest = {
        ...rest,
        // The caller's system/developer instructions come first in every call of the run.
        system: options.instructions ? [options.instructions, rest.system].filter(Boolean).join('\n\n') : rest.system,
        sampling: rest.sampling ?? options.sampling,
        model: options.model,
        offline: options.offline,
        abortSignal: runtime.signal,
      };
      const node = caller.node;
      const result = await callWithinBudget(deps, { tenantId: options.tenant_id, threadId }, request);
      tally.prompt_tokens += result.usage.promptTokens;
      tally.completion_tokens += result.usage.completionTokens;
      tally.cost_usd += result.costUsd;
      tally.model_calls += 1;
      emit({
        event: 'model_call',
        node,
        purpose: request.purpose,
        subtask_index: subtaskIndex ?? null,
        provider: result.provider,
        model: result.model,
        prompt: clip(firstUserText(request)),
        response: clip(result.text),
        tool_calls: result.toolCalls.map((call) => call.toolName),
        finish_reason: result.finishReason,
        prompt_tokens: result.usage.promptTokens,
        completion_tokens: result.usage.completionTokens,
        cost_usd: result.costUsd,
        latency_ms: Math.round(result.latencyMs * 1000) / 1000,
      });
      return result;
    },
    countFailure(kind) {
      tally[kind] += 1;
    },
  };
  return caller;
}

/** The call's task prompt: the first user message (riptide puts its `## Section` blocks there). */
function firstUserText(request: ModelCallRequest): string {
  for (const message of request.messages) {
    if (message.role !== 'user') continue;
    if (typeof message.content === 'string') return message.content;
    return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  }
  return '';
}

function clip(text: string): string {
  return text.length > EVENT_TEXT_CHARS ? `${text.slice(0, EVENT_TEXT_CHARS)}…` : text;
}
