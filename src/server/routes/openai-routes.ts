// The OpenAI-compatible surface: POST /v1/chat/completions (plain and streamed) and GET /v1/models,
// so any OpenAI SDK or tool can drive riptide. Errors here use OpenAI's error shape.
import { randomUUID } from 'node:crypto';
import { type ErrorCode, RiptideError } from '../../errors/riptide-error.js';
import { ERROR_STATUS, openAiErrorType } from '../../spec/error-codes.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { openAiErrorResponses } from '../error-schemas.js';
import {
  type ChatCompletionRequest,
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  chunkFactory,
  completionOf,
  finishReason,
  modelListSchema,
  RIPTIDE_MODEL_ID,
  toRunRequest,
} from '../openai-chat.js';
import { describeStreamError } from '../sse-stream.js';
import type { RoutePlugin } from './route-plugin.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A run that failed (e.g. the provider errored) is an error on this surface, not a completion. */
function failureOf(result: { status: string; error?: { code: string; detail: string } }): RiptideError | null {
  if (result.status !== 'failed' || !result.error) return null;
  const code = (result.error.code in ERROR_STATUS ? result.error.code : 'model_error') as ErrorCode;
  return new RiptideError(code, result.error.detail);
}

export const openAiRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  const startedAt = nowSeconds();

  app.post(
    '/v1/chat/completions',
    {
      config: { startsRun: true },
      schema: {
        tags: ['openai'],
        summary: 'Chat completions (OpenAI-compatible)',
        description:
          'OpenAI chat-completions wire format. The last message is the task; earlier user/assistant messages are history. With `stream: true` the answer arrives as `chat.completion.chunk` SSE frames (the first delta carries the role, the last the finish_reason; `stream_options.include_usage` adds a usage chunk) followed by `data: [DONE]`. Extensions: `offline`, `tenant_id`. Unknown OpenAI fields are ignored.',
        body: chatCompletionRequestSchema,
        response: {
          200: {
            description: 'A completion, or an event stream of chunks when `stream` is true',
            content: {
              'application/json': { schema: chatCompletionSchema },
              'text/event-stream': { schema: chatCompletionChunkSchema },
            },
          },
          ...openAiErrorResponses(400, 402),
        },
      },
    },
    async (request, reply) => {
      const body: ChatCompletionRequest = request.body;
      const { options, history } = toRunRequest(body, riptide.models.listModels());
      if (!body.stream) {
        const controller = abortOnDisconnect(reply);
        const result = await riptide.runs.runTask(options, { history, signal: controller.signal });
        const failure = failureOf(result);
        if (failure) throw failure;
        return reply.type('application/json').send(completionOf(result, body.model, nowSeconds()));
      }

      const chunks = chunkFactory(
        `chatcmpl-${randomUUID()}`,
        body.model,
        nowSeconds(),
        body.stream_options?.include_usage === true,
      );
      let sentRole = false;
      let streamedText = false;
      return sse.pipe(
        request,
        reply,
        (signal) => riptide.runs.streamRun(options, { history, signal }),
        (event, stream) => {
          if (!sentRole) {
            sentRole = true;
            stream.send(chunks.delta({ role: 'assistant', content: '' }));
          }
          if (event.event === 'token' && event.text) {
            streamedText = true;
            stream.send(chunks.delta({ content: event.text }));
            return;
          }
          if (event.event !== 'result') return;
          request.riptideThreadId = event.result.thread_id;
          const failure = failureOf(event.result);
          if (failure) throw failure;
          // Blocked runs and answers that were not streamed (e.g. a majority vote) arrive whole.
          if (!streamedText && event.result.final_answer) {
            stream.send(chunks.delta({ content: event.result.final_answer }));
          }
          stream.send(chunks.delta({}, finishReason(event.result)));
          if (body.stream_options?.include_usage) stream.send(chunks.usage(event.result.metrics.usage));
          stream.sendRaw('[DONE]');
          stream.end();
        },
        (error) => {
          const { detail, code } = describeStreamError(error);
          const status = RiptideError.is(error) ? (ERROR_STATUS[error.code] ?? 500) : 500;
          return { error: { message: detail, type: openAiErrorType(status), param: null, code } };
        },
      );
    },
  );

  app.get(
    '/v1/models',
    {
      schema: {
        tags: ['openai'],
        summary: 'Models (OpenAI-compatible)',
        description: '`riptide` (the configured model) and every model this server can serve.',
        response: { 200: modelListSchema },
      },
    },
    async () => {
      const owner = riptide.models.getConnection().provider;
      const ids = [RIPTIDE_MODEL_ID, ...riptide.models.listModels().filter((id) => id !== RIPTIDE_MODEL_ID)];
      return {
        object: 'list' as const,
        data: ids.map((id) => ({
          id,
          object: 'model' as const,
          created: startedAt,
          owned_by: id === RIPTIDE_MODEL_ID ? 'riptide' : owner,
        })),
      };
    },
  );
};
