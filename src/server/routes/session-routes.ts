// Persistent sessions: runs whose prior turns are given as conversation context, the turn list,
// a streamed turn, clearing, and the session list for the Studio. Turns live in the database.
import { z } from 'zod';
import { identifierSchema } from '../../spec/identifier.js';
import { runOptionsSchema } from '../../spec/run-options.js';
import { runResultSchema } from '../../spec/run-result.js';
import { sessionSchema, sessionSummarySchema } from '../../spec/store-records.js';
import { traceFrameSchema } from '../../spec/stream-frames.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import { runOptionsQuerySchema } from '../query-schemas.js';
import { toTraceFrame } from '../run-event-frames.js';
import type { RoutePlugin } from './route-plugin.js';

const sessionParamsSchema = z.object({ session_id: identifierSchema });

export const sessionRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.post(
    '/sessions/:session_id/messages',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Run a turn in a session',
        description:
          "Runs the task with the session's prior turns as conversation context and appends the turn. Answers the RunResult.",
        params: sessionParamsSchema,
        body: runOptionsSchema,
        response: { 200: runResultSchema, ...errorResponses(402, 422) },
      },
    },
    async (request, reply) => {
      const controller = abortOnDisconnect(reply);
      return riptide.sessions.run(request.params.session_id, request.body, { signal: controller.signal });
    },
  );

  app.get(
    '/sessions/:session_id',
    {
      schema: {
        tags: ['sessions'],
        summary: "A session's turns",
        description: 'The turns in order; an unknown id is an empty session.',
        params: sessionParamsSchema,
        response: {
          200: sessionSchema,
          ...errorResponses(422),
        },
      },
    },
    async (request) => riptide.sessions.get(request.params.session_id),
  );

  app.delete(
    '/sessions/:session_id',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Clear a session',
        params: sessionParamsSchema,
        response: {
          200: z.object({ status: z.literal('cleared'), session_id: z.string() }),
          ...errorResponses(422),
        },
      },
    },
    async (request) => {
      await riptide.sessions.clear(request.params.session_id);
      return { status: 'cleared' as const, session_id: request.params.session_id };
    },
  );

  app.get(
    '/api/sessions/:session_id/messages/stream',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Run a session turn as a stream (SSE)',
        description:
          'Like POST /sessions/{session_id}/messages, streamed: one `node` event per graph node, then `result`. The turn is appended when the run completes.',
        params: sessionParamsSchema,
        querystring: runOptionsQuerySchema,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: traceFrameSchema } } },
          ...errorResponses(402, 422),
        },
      },
    },
    async (request, reply) => {
      return sse.pipe(
        request,
        reply,
        (signal) => riptide.sessions.stream(request.params.session_id, request.query, { signal }),
        (event, stream) => toTraceFrame(event, stream, request),
      );
    },
  );

  app.get(
    '/api/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'List sessions',
        description: 'Sessions with their turn count and last task, most recently updated first (for the Studio).',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: {
          200: z.array(sessionSummarySchema),
          ...errorResponses(422),
        },
      },
    },
    async (request) => riptide.sessions.list(request.query.limit),
  );
};
