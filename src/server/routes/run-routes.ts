// Core run routes: POST /run (to completion, approvals automatic), GET /run/stream (composition,
// answer tokens as the model produces them, final) and GET /api/run/trace (node timings, result).
import { runOptionsSchema } from '../../spec/run-options.js';
import { runResultSchema } from '../../spec/run-result.js';
import { runStreamFrameSchema, traceFrameSchema } from '../../spec/stream-frames.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import { runOptionsQuerySchema } from '../query-schemas.js';
import { pipeResumableRunStream, runStreamHeadersSchema } from '../resumable-run-stream.js';
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
          'Server-sent events: `composition` (mode, blocked), then `token` deltas of the final answer as the model streams them, then `final` with the answer and the RunResult. Closing the connection aborts the run. Every frame but `token` has an `id:` line, `<thread_id>:<seq>`; reconnecting with `Last-Event-ID` (as an EventSource does) does not start the run again: it replays the stored run after that event and ends with its outcome (`final` — its answer in full — `pending` or `error`). 404 `unknown_run` when the id names no run (or, for a tenant key, another tenant’s).',
        querystring: runOptionsQuerySchema,
        headers: runStreamHeadersSchema,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: runStreamFrameSchema } } },
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
        start: (signal, threadId) => riptide.runs.streamRun(request.query, { signal, threadId }),
        toFrame: toRunStreamFrame,
      }),
  );

  app.get(
    '/api/run/trace',
    {
      config: { startsRun: true },
      schema: {
        tags: ['runs'],
        summary: 'Stream a run as a node trace (SSE)',
        description:
          'Server-sent events: one `node` event per executed graph node with its duration, then `result` with the RunResult. Each frame has an `id:` line, `<thread_id>:<seq>`; reconnecting with `Last-Event-ID` replays the stored run after that event instead of starting it again (404 `unknown_run` when the id names no run).',
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
        start: (signal, threadId) => riptide.runs.streamRun(request.query, { signal, threadId }),
        toFrame: toTraceFrame,
      }),
  );
};
