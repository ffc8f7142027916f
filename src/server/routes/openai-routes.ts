// The OpenAI-compatible surface: POST /v1/chat/completions (plain and streamed, with client tools,
// response_format, stop and max_tokens), GET /v1/models and /v1/models/{id}, so any OpenAI SDK or
// tool can drive riptide. Errors here use OpenAI's error shape.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RiptideError } from '../../errors/riptide-error.js';
import { ERROR_STATUS, openAiErrorType } from '../../spec/error-codes.js';
import { isPending, type RunResult } from '../../spec/run-result.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { openAiErrorResponses } from '../error-schemas.js';
import { type AnswerLimits, createAnswerLimiter, limitAnswer } from '../openai-answer-limits.js';
import {
  type ChatCompletionRequest,
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  chunkFactory,
  completionOf,
  type FinishReason,
  modelListSchema,
  modelSchema,
  RIPTIDE_MODEL_ID,
  toolCallsOf,
  toTurnRequest,
} from '../openai-chat.js';
import { failureOf, pausedUsage, runTurn, streamTurn } from '../openai-run-turn.js';
import { describeStreamError } from '../sse-stream.js';
import type { RoutePlugin } from './route-plugin.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The answer a finished run gives on this surface: the structured JSON, or the cut prose answer. */
export function answerOf(
  result: RunResult,
  turn: { limits: AnswerLimits; structured: boolean },
): { content: string; finish: FinishReason } {
  if (result.blocked) return { content: result.final_answer, finish: 'content_filter' };
  if (turn.structured) {
    if (result.structured == null) {
      throw new RiptideError('model_error', 'the model gave no JSON object valid against the requested schema');
    }
    return { content: JSON.stringify(result.structured), finish: 'stop' };
  }
  const limited = limitAnswer(result.final_answer, turn.limits);
  return { content: limited.text, finish: limited.cut ?? 'stop' };
}

export function openAiStreamError(error: unknown) {
  const { detail, code } = describeStreamError(error);
  const status = RiptideError.is(error) ? (ERROR_STATUS[error.code] ?? 500) : 500;
  return { error: { message: detail, type: openAiErrorType(status), param: null, code } };
}

export const openAiRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  const startedAt = nowSeconds();

  app.post(
    '/v1/chat/completions',
    {
      config: { startsRun: true },
      schema: {
        tags: ['openai'],
        operationId: 'createChatCompletion',
        summary: 'Chat completions (OpenAI-compatible)',
        description:
          'OpenAI chat-completions wire format. system/developer messages are instructions that reach every model call of the run; the last user message is the task; earlier turns are context. `tools` (function tools) are offered to the run’s workers beside riptide’s own (`tool_choice` honoured): when a worker calls one, the run pauses durably and the answer is `finish_reason: "tool_calls"` with `message.tool_calls`; the next request whose trailing `tool` messages answer those ids continues that run, from any process. `response_format` (`json_schema`, `json_object`) becomes the run’s final_schema and the content is the JSON text. `stop` and `max_tokens`/`max_completion_tokens` cut the answer (`finish_reason` `stop` / `length`); `n` > 1 and unknown roles are 400s naming the parameter. With `stream: true` the answer arrives as `chat.completion.chunk` SSE frames (the first delta carries the role, tool calls arrive as `delta.tool_calls`, the last chunk the finish_reason; `stream_options.include_usage` adds a usage chunk) followed by `data: [DONE]`. Extensions: `offline`, `tenant_id`. Unknown OpenAI fields are ignored.',
        body: chatCompletionRequestSchema,
        response: {
          200: {
            description: 'A completion, or an event stream of chunks when `stream` is true',
            content: {
              'application/json': { schema: chatCompletionSchema },
              'text/event-stream': { schema: chatCompletionChunkSchema },
            },
          },
          ...openAiErrorResponses(400, 402, 404, 502),
        },
      },
    },
    async (request, reply) => {
      const body: ChatCompletionRequest = request.body;
      const turn = toTurnRequest(body, riptide.models.listModels());
      if (!body.stream) {
        const controller = abortOnDisconnect(reply);
        const outcome = await runTurn(riptide, request, turn, controller.signal);
        const base = { id: `chatcmpl-${randomUUID()}`, model: body.model, created: nowSeconds() };
        if (isPending(outcome)) {
          const completion = completionOf({
            ...base,
            content: null,
            finish: 'tool_calls',
            usage: await pausedUsage(riptide, outcome.thread_id),
            toolCalls: toolCallsOf(outcome),
          });
          return reply.type('application/json').send(completion);
        }
        const failure = failureOf(outcome);
        if (failure) throw failure;
        const answer = answerOf(outcome, turn);
        const completion = completionOf({ ...base, ...answer, usage: outcome.metrics.usage });
        return reply.type('application/json').send(completion);
      }

      const includeUsage = body.stream_options?.include_usage === true;
      const chunks = chunkFactory(`chatcmpl-${randomUUID()}`, body.model, nowSeconds(), includeUsage);
      const limiter = createAnswerLimiter(turn.limits);
      const source = await streamTurn(riptide, request, turn);
      let sentRole = false;
      let streamedText = false;
      return sse.pipe(
        request,
        reply,
        source,
        async (event, stream) => {
          if (!sentRole) {
            sentRole = true;
            stream.send(chunks.delta({ role: 'assistant', content: '' }));
          }
          // A structured answer is the JSON object, sent whole at the end; the prose tokens are not it.
          if (event.event === 'token' && event.text && !turn.structured) {
            streamedText = true;
            const text = limiter.push(event.text);
            if (text) stream.send(chunks.delta({ content: text }));
            return;
          }
          if (event.event === 'pending') {
            request.riptideThreadId = event.thread_id;
            const calls = toolCallsOf({ status: 'pending_approval', thread_id: event.thread_id, action: event.action });
            for (const [index, call] of calls.entries()) {
              stream.send(
                chunks.delta({
                  tool_calls: [
                    { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
                  ],
                }),
              );
              stream.send(chunks.delta({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }));
            }
            stream.send(chunks.delta({}, 'tool_calls'));
            if (includeUsage) stream.send(chunks.usage(await pausedUsage(riptide, event.thread_id)));
            stream.sendRaw('[DONE]');
            stream.end();
            return;
          }
          if (event.event !== 'result') return;
          request.riptideThreadId = event.result.thread_id;
          const failure = failureOf(event.result);
          if (failure) throw failure;
          let finish: FinishReason;
          if (turn.structured || event.result.blocked || !streamedText) {
            // Blocked runs, structured answers and answers that were not streamed (a vote) arrive whole.
            const answer = answerOf(event.result, turn);
            if (answer.content) stream.send(chunks.delta({ content: answer.content }));
            finish = answer.finish;
          } else {
            const { rest, cut } = limiter.end();
            if (rest) stream.send(chunks.delta({ content: rest }));
            finish = cut ?? 'stop';
          }
          stream.send(chunks.delta({}, finish));
          if (includeUsage) stream.send(chunks.usage(event.result.metrics.usage));
          stream.sendRaw('[DONE]');
          stream.end();
        },
        openAiStreamError,
      );
    },
  );

  const modelObjects = () => {
    const owner = riptide.models.getConnection().provider;
    const ids = [RIPTIDE_MODEL_ID, ...riptide.models.listModels().filter((id) => id !== RIPTIDE_MODEL_ID)];
    return ids.map((id) => ({
      id,
      object: 'model' as const,
      created: startedAt,
      owned_by: id === RIPTIDE_MODEL_ID ? 'riptide' : owner,
    }));
  };

  app.get(
    '/v1/models',
    {
      schema: {
        tags: ['openai'],
        operationId: 'listModels',
        summary: 'Models (OpenAI-compatible)',
        description: '`riptide` (the configured model) and every model this server can serve.',
        response: { 200: modelListSchema },
      },
    },
    async () => ({ object: 'list' as const, data: modelObjects() }),
  );

  app.get(
    '/v1/models/:model',
    {
      schema: {
        tags: ['openai'],
        operationId: 'retrieveModel',
        summary: 'One model (OpenAI-compatible)',
        description: 'The model object for an id of GET /v1/models; 404 in OpenAI’s error shape for any other id.',
        params: z.object({ model: z.string().min(1).max(200) }),
        response: { 200: modelSchema, ...openAiErrorResponses(404) },
      },
    },
    async (request) => {
      const found = modelObjects().find((model) => model.id === request.params.model);
      if (!found) throw new RiptideError('not_found', `no model '${request.params.model}'`);
      return found;
    },
  );
};
