// Background runs (API.md "Background runs"): POST /api/runs queues a run for a worker and answers
// 202 at once; GET /api/runs/{thread_id}/stream joins its events from any replica (replaying after
// Last-Event-ID); POST /api/runs/{thread_id}/cancel stops it.
import { z } from 'zod';
import { identifierSchema } from '../../spec/identifier.js';
import { errorEventSchema, runEventSchema } from '../../spec/run-events.js';
import { runOptionsSchema } from '../../spec/run-options.js';
import { runResultSchema } from '../../spec/run-result.js';
import { errorResponses } from '../error-schemas.js';
import { tenantScope } from '../security/request-principal.js';
import { assertRunVisible } from '../security/run-visibility.js';
import type { RoutePlugin } from './route-plugin.js';

const backgroundRunBodySchema = runOptionsSchema.extend({
  interactive: z
    .boolean()
    .default(false)
    .describe('Stop at side-effecting tools and clarifications (resume through /api/run/{thread_id}/resume)'),
  webhook: z
    .string()
    .url()
    .max(2_000)
    .regex(/^https?:\/\//, 'must be an http or https URL')
    .nullable()
    .default(null)
    .describe(
      'Called with a signed JSON POST when the run finishes or pauses (`X-Riptide-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, retried with backoff)',
    ),
});

const threadParams = z.object({ thread_id: identifierSchema });

/** `Last-Event-ID`: the sequence number of the last event the client has; absent means from the start. */
const joinHeadersSchema = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/, 'must be the id of an event of this stream')
    .optional(),
});

const joinFrameSchema = z.union([
  runEventSchema,
  z.object({ event: z.literal('result'), result: runResultSchema }),
  errorEventSchema,
]);

export const backgroundRunRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.post(
    '/api/runs',
    {
      schema: {
        tags: ['background'],
        summary: 'Queue a background run',
        description:
          "Stores the run as `queued` and answers 202 at once; a worker (`riptide worker`, or the one `riptide serve` runs unless `--no-worker`) executes it durably (a checkpoint after every node that ran a side effect, and at most 20 ms of work apart otherwise; a free slot of the worker in this process starts it at once). Follow it with GET /api/runs/{thread_id} or join its stream; a `webhook` is called when it finishes or pauses. Runs of one tenant are interleaved with other tenants' (a burst does not starve anyone).",
        body: backgroundRunBodySchema,
        response: {
          202: z.object({ thread_id: z.string(), status: z.literal('queued') }),
          ...errorResponses(422),
        },
      },
    },
    async (request, reply) => {
      const { interactive, webhook, ...options } = request.body;
      const queued = await riptide.background.submit({ options, interactive, webhook });
      return reply.code(202).send(queued);
    },
  );

  app.get(
    '/api/runs/:thread_id/stream',
    {
      schema: {
        tags: ['background'],
        summary: "Join a run's event stream (SSE)",
        description:
          'Every stored event of the run from its start — or after the event named by `Last-Event-ID` — each with an `id:` line (its sequence number), then live events while a worker on any replica runs it, ending with `result`, `pending` or `error` (a cancelled run: code `aborted`). Reconnecting with `Last-Event-ID` continues without gaps or repeats. Closing the stream does not stop the run.',
        params: threadParams,
        headers: joinHeadersSchema,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: joinFrameSchema } } },
          ...errorResponses(404, 422),
        },
      },
    },
    async (request, reply) => {
      const threadId = request.params.thread_id;
      await assertRunVisible(riptide.store, threadId, tenantScope(request));
      const lastEventId = request.headers['last-event-id'];
      const after = lastEventId === undefined ? -1 : Number(lastEventId);
      return sse.pipe(
        request,
        reply,
        (signal) => riptide.background.join(threadId, after, signal),
        (frame, stream) => stream.send(frame.data, frame.id),
      );
    },
  );

  app.post(
    '/api/runs/:thread_id/cancel',
    {
      schema: {
        tags: ['background'],
        summary: 'Cancel a run',
        description:
          'Cancels a queued, running or paused run from any replica: its in-flight model calls abort and no side effect starts after the cancel. 400 `run_finished` when the run has already ended; 404 `unknown_run` for an unknown thread.',
        params: threadParams,
        response: { 200: z.object({ status: z.literal('cancelled') }), ...errorResponses(400, 404, 422) },
      },
    },
    async (request) => {
      await assertRunVisible(riptide.store, request.params.thread_id, tenantScope(request));
      return riptide.background.cancel(request.params.thread_id);
    },
  );
};
