// GET /api/chat/stream: a direct single-model chat turn (no graph, no tools) streamed as tokens,
// with the session's history as context; the exchange is appended to the session when it ends.
// Every frame carries an `id:` and the turn is stored, so Last-Event-ID resumes it (resumable-chat-stream.ts).
import { z } from 'zod';
import { identifierSchema } from '../../spec/identifier.js';
import type { Sampling } from '../../spec/run-options.js';
import { chatFrameSchema } from '../../spec/stream-frames.js';
import { errorResponses } from '../error-schemas.js';
import { queryBoolean, samplingQueryShape } from '../query-schemas.js';
import { newChatTurnId, recordChatTurn, replayChatTurn } from '../resumable-chat-stream.js';
import { lastRunEventOf, runStreamHeadersSchema } from '../resumable-run-stream.js';
import { tenantScope } from '../security/request-principal.js';
import type { SseStream } from '../sse-stream.js';
import type { RoutePlugin } from './route-plugin.js';

export const chatStreamRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.get(
    '/api/chat/stream',
    {
      config: { startsRun: true },
      schema: {
        tags: ['runs'],
        summary: 'Chat turn (SSE)',
        description:
          "A direct chat turn with the configured model: no graph, no tools. Streams `token` events, then `done`. With `session_id` the session's prior turns are the context and the exchange is appended to it. Every frame carries `id: <turn id>:<seq>` and the turn's frames are stored: a reconnect sending `Last-Event-ID` (an EventSource does so by itself) gets the frames after that one and the turn's end — `done`, or `error` when the turn was cut short (a dropped connection aborts the model call) — from any replica, without a new model call (`422` for an id that is not of this form, `404` for an unknown turn or another tenant's).",
        headers: runStreamHeadersSchema,
        querystring: z.object({
          message: z.string().min(1).max(100_000),
          session_id: identifierSchema.optional(),
          tenant_id: identifierSchema.default('default'),
          offline: queryBoolean.default(false),
          model: z.string().min(1).max(200).optional(),
          ...samplingQueryShape,
        }),
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: chatFrameSchema } } },
          ...errorResponses(402, 404, 422),
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
      const send = ({ frame, id }: { frame: { event: string }; id: string }, stream: SseStream) =>
        stream.send(frame, id);
      const from = lastRunEventOf(request);
      if (from) {
        return sse.pipe(
          request,
          reply,
          (signal) => replayChatTurn(riptide.store, from, tenantScope(request), signal),
          send,
        );
      }
      const threadId = newChatTurnId();
      return sse.pipe(
        request,
        reply,
        (signal) =>
          recordChatTurn(
            riptide.store,
            { threadId, tenantId: tenant_id },
            riptide.sessions.chat(
              session_id ?? null,
              {
                message,
                tenant_id,
                offline,
                model: model ?? null,
                sampling: Object.keys(sampling).length > 0 ? sampling : null,
                signal,
                threadId,
              },
              tenantScope(request),
            ),
            (error) => request.log.warn({ err: error }, 'storing a chat turn failed'),
          ),
        send,
      );
    },
  );
};
