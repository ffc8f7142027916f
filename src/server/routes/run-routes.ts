// Core run routes: POST /run (to completion, approvals automatic), GET /run/stream (composition,
// answer tokens as the model produces them, final) and GET /api/run/trace (node timings, result).
import { runOptionsSchema } from '../../spec/run-options.js';
import { runResultSchema } from '../../spec/run-result.js';
import { runStreamFrameSchema, traceFrameSchema } from '../../spec/stream-frames.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import { runOptionsQuerySchema } from '../query-schemas.js';
import { toRunStreamFrame, toTraceFrame } from '../run-event-frames.js';
import type { RoutePlugin } from './route-plugin.js';

export const runRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.post(
    '/run',
    {
      config: { startsRun: true },
      schema: {
        tags: ['runs'],
        summary: 'Run a task to completion',
        description:
          'Runs the task through the agent graph and answers its RunResult. Side-effecting tools are approved automatically and clarifications are answered with "proceed on your best assumption". A model failure is a RunResult with status "failed" and an `error`.',
        body: runOptionsSchema,
        response: { 200: runResultSchema, ...errorResponses(402, 422) },
      },
    },
    async (request, reply) => {
      const controller = abortOnDisconnect(reply);
      return riptide.runs.runTask(request.body, { signal: controller.signal });
    },
  );

  app.get(
    '/run/stream',
    {
      config: { startsRun: true },
      schema: {
        tags: ['runs'],
        summary: 'Stream a run (SSE)',
        description:
          'Server-sent events: `composition` (mode, blocked), then `token` deltas of the final answer as the model streams them, then `final` with the answer and the RunResult. Closing the connection aborts the run.',
        querystring: runOptionsQuerySchema,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: runStreamFrameSchema } } },
          ...errorResponses(402, 422),
        },
      },
    },
    async (request, reply) =>
      sse.pipe(
        request,
        reply,
        (signal) => riptide.runs.streamRun(request.query, { signal }),
        (event, stream) => toRunStreamFrame(event, stream, request),
      ),
  );

  app.get(
    '/api/run/trace',
    {
      config: { startsRun: true },
      schema: {
        tags: ['runs'],
        summary: 'Stream a run as a node trace (SSE)',
        description:
          'Server-sent events: one `node` event per executed graph node with its duration, then `result` with the RunResult.',
        querystring: runOptionsQuerySchema,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: traceFrameSchema } } },
          ...errorResponses(402, 422),
        },
      },
    },
    async (request, reply) =>
      sse.pipe(
        request,
        reply,
        (signal) => riptide.runs.streamRun(request.query, { signal }),
        (event, stream) => toTraceFrame(event, stream, request),
      ),
  );
};
