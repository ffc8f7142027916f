// GET /api/chat/stream: a direct single-model chat turn (no graph, no tools) streamed as tokens,
// with the session's history as context; the exchange is appended to the session when it ends.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { identifierSchema } from '../../core/identifier.js';
import type { Sampling } from '../../core/run-options.js';
import { errorResponses } from '../error-schemas.js';
import { queryBoolean, samplingQueryShape } from '../query-schemas.js';
import { sessionHistory } from '../session-history.js';
import type { RoutePlugin } from './index.js';

const chatEventSchema = z
  .discriminatedUnion('event', [
    z.object({ event: z.literal('token'), text: z.string() }),
    z.object({
      event: z.literal('done'),
      usage: z
        .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
        .optional(),
    }),
    z.object({ event: z.literal('error'), detail: z.string(), code: z.string() }),
  ])
  .describe('One `data:` frame of the stream');

export const chatStreamRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.get(
    '/api/chat/stream',
    {
      schema: {
        tags: ['runs'],
        summary: 'Chat turn (SSE)',
        description:
          "A direct chat turn with the configured model: no graph, no tools. Streams `token` events, then `done`. With `session_id` the session's prior turns are the context and the exchange is appended to it.",
        querystring: z.object({
          message: z.string().min(1).max(100_000),
          session_id: identifierSchema.optional(),
          tenant_id: identifierSchema.default('default'),
          offline: queryBoolean.default(false),
          model: z.string().min(1).max(200).optional(),
          ...samplingQueryShape,
        }),
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: chatEventSchema } } },
          ...errorResponses(402, 422),
        },
      },
    },
    async (request, reply) => {
      const { message, session_id, tenant_id, offline, model, temperature, top_p, max_tokens, seed } = request.query;
      const sampling: Sampling = {};
      if (temperature !== undefined) sampling.temperature = temperature;
      if (top_p !== undefined) sampling.top_p = top_p;
      if (max_tokens !== undefined) sampling.max_tokens = max_tokens;
      if (seed !== undefined) sampling.seed = seed;
      const history = await sessionHistory(riptide.store, session_id);
      let answer = '';
      return sse.pipe(
        request,
        reply,
        (signal) =>
          riptide.runs.streamChat({
            message,
            tenant_id,
            offline,
            model: model ?? null,
            sampling: Object.keys(sampling).length > 0 ? sampling : null,
            history,
            signal,
          }),
        async (event, stream) => {
          if (event.event === 'token') {
            answer += event.text;
            stream.send({ event: 'token', text: event.text });
            return;
          }
          if (session_id) {
            await riptide.store.appendSessionTurn(session_id, tenant_id, {
              task: message,
              final_answer: answer,
              mode: 'chat',
              blocked: false,
              thread_id: `chat-${randomUUID()}`,
            });
          }
          stream.send(event.usage ? { event: 'done', usage: event.usage } : { event: 'done' });
        },
      );
    },
  );
};
