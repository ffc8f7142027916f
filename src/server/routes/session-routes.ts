// Persistent sessions: runs whose prior turns are given as conversation context, the turn list,
// a streamed turn, clearing, and the session list for the Studio. Turns live in the database.
import { z } from 'zod';
import { identifierSchema } from '../../core/identifier.js';
import { runOptionsSchema } from '../../core/run-options.js';
import { runResultSchema } from '../../core/run-result.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import { runOptionsQuerySchema } from '../query-schemas.js';
import { toTraceFrame, traceEventSchema } from '../run-event-frames.js';
import { sessionHistory } from '../session-history.js';
import type { RoutePlugin } from './index.js';

const sessionParamsSchema = z.object({ session_id: identifierSchema });

const sessionTurnSchema = z.object({
  task: z.string(),
  final_answer: z.string(),
  mode: z.string(),
  blocked: z.boolean(),
  thread_id: z.string(),
  created_at: z.string(),
});

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
      const { session_id } = request.params;
      const history = await sessionHistory(riptide.store, session_id);
      return riptide.runs.runTask(request.body, { history, sessionId: session_id, signal: controller.signal });
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
          200: z.object({ session_id: z.string(), turns: z.array(sessionTurnSchema) }),
          ...errorResponses(422),
        },
      },
    },
    async (request) => ({
      session_id: request.params.session_id,
      turns: await riptide.store.getSessionTurns(request.params.session_id),
    }),
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
      await riptide.store.clearSession(request.params.session_id);
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
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: traceEventSchema } } },
          ...errorResponses(402, 422),
        },
      },
    },
    async (request, reply) => {
      const { session_id } = request.params;
      const history = await sessionHistory(riptide.store, session_id);
      return sse.pipe(
        request,
        reply,
        (signal) => riptide.runs.streamRun(request.query, { history, sessionId: session_id, signal }),
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
          200: z.array(
            z.object({
              session_id: z.string(),
              turns: z.number().int(),
              last_task: z.string(),
              updated_at: z.string(),
            }),
          ),
          ...errorResponses(422),
        },
      },
    },
    async (request) => riptide.store.listSessions(request.query.limit),
  );
};
