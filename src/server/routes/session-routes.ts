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
import { pipeResumableRunStream, runStreamHeadersSchema } from '../resumable-run-stream.js';
import { toTraceFrame } from '../run-event-frames.js';
import { tenantScope } from '../security/request-principal.js';
import type { RoutePlugin } from './route-plugin.js';

const sessionParamsSchema = z.object({ session_id: identifierSchema });
/** Sessions are read per tenant when one is named (a tenant key always names its own). */
const sessionTenantQuerySchema = z.object({
  tenant_id: identifierSchema.optional().describe("Only this tenant's turns (default: every tenant's)"),
});

export const sessionRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.post(
    '/sessions/:session_id/messages',
    {
      config: { startsRun: true },
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
      return riptide.sessions.run(request.params.session_id, request.body, {
        signal: controller.signal,
        tenantScope: tenantScope(request),
      });
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
        querystring: sessionTenantQuerySchema,
        response: {
          200: sessionSchema,
          ...errorResponses(422),
        },
      },
    },
    async (request) => riptide.sessions.get(request.params.session_id, request.query.tenant_id),
  );

  app.delete(
    '/sessions/:session_id',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Clear a session',
        description: "Deletes the session's turns (with `tenant_id`, that tenant's turns only).",
        params: sessionParamsSchema,
        querystring: sessionTenantQuerySchema,
        response: {
          200: z.object({ status: z.literal('cleared'), session_id: z.string() }),
          ...errorResponses(422),
        },
      },
    },
    async (request) => {
      await riptide.sessions.clear(request.params.session_id, request.query.tenant_id);
      return { status: 'cleared' as const, session_id: request.params.session_id };
    },
  );

  app.get(
    '/api/sessions/:session_id/messages/stream',
    {
      config: { startsRun: true },
      schema: {
        tags: ['sessions'],
        summary: 'Run a session turn as a stream (SSE)',
        description:
          'Like POST /sessions/{session_id}/messages, streamed: one `node` event per graph node, then `result`. The turn is appended when the run completes. Each frame has an `id:` line, `<thread_id>:<seq>`; reconnecting with `Last-Event-ID` replays the stored run after that event instead of running the turn again (404 `unknown_run` when the id names no run).',
        params: sessionParamsSchema,
        querystring: runOptionsQuerySchema,
        headers: runStreamHeadersSchema,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: traceFrameSchema } } },
          ...errorResponses(402, 404, 422),
        },
      },
    },
    async (request, reply) =>
      pipeResumableRunStream({
        riptide,
        sse,
        request,
        reply,
        start: (signal, threadId) =>
          riptide.sessions.stream(request.params.session_id, request.query, {
            signal,
            threadId,
            tenantScope: tenantScope(request),
          }),
        toFrame: toTraceFrame,
      }),
  );

  app.get(
    '/api/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'List sessions',
        description: 'Sessions with their turn count and last task, most recently updated first (for the Studio).',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          tenant_id: identifierSchema.optional().describe("Only this tenant's sessions (default: every tenant's)"),
        }),
        response: {
          200: z.array(sessionSummarySchema),
          ...errorResponses(422),
        },
      },
    },
    async (request) => riptide.sessions.list(request.query.limit, request.query.tenant_id),
  );
};
