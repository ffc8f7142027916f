// streamChat: a direct single-model chat turn (purpose 'chat'): no graph, no tools. Prior turns are
// bounded by tokens; deltas are yielded as the model produces them; the turn's usage is recorded.

import { callWithinBudget } from './budgeted-call.js';
import { boundHistory, conversationMessages } from './conversation-window.js';
import { createEventQueue } from './event-queue.js';
import type { RunDependencies } from './run-dependencies.js';
import type { ChatEvent, ChatRequest } from './run-service.js';

export function streamChatTurn(deps: RunDependencies, request: ChatRequest): AsyncIterable<ChatEvent> {
  const { models, budgets, store, config } = deps;
  const controller = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, controller.signal]) : controller.signal;
  const queue = createEventQueue<ChatEvent>(() => controller.abort());
  const tenantId = request.tenant_id ?? 'default';
  const history = boundHistory(request.history ?? [], config.graph.historyMaxTokens, (text) =>
    models.countTokens(text),
  );
  const started = performance.now();
  const threadId = request.threadId ?? `chat-${crypto.randomUUID()}`;
  (async () => {
    await budgets.assertWithinBudget(tenantId);
    const result = await callWithinBudget(
      deps,
      { tenantId, threadId },
      {
        purpose: 'chat',
        tier: 'worker',
        offline: request.offline,
        model: request.model ?? null,
        sampling: request.sampling ?? null,
        messages: [...conversationMessages(history), { role: 'user', content: request.message }],
        abortSignal: signal,
        onTextDelta: (text) => queue.push({ event: 'token', text }),
      },
    );
    const usage = {
      prompt_tokens: result.usage.promptTokens,
      completion_tokens: result.usage.completionTokens,
      total_tokens: result.usage.totalTokens,
    };
    await store.recordUsage({
      thread_id: threadId,
      tenant_id: tenantId,
      task: request.message.slice(0, 2_000),
      mode: 'chat',
      ...usage,
      cost_usd: result.costUsd,
      latency_ms: performance.now() - started,
      success: true,
      blocked: false,
      tool_calls_total: 0,
      tool_calls_valid: 0,
      subtask_count: 0,
    });
    queue.push({ event: 'done', usage });
  })().then(
    () => queue.end(),
    (error) => queue.fail(error),
  );
  return queue;
}
