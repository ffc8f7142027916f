// One run's recorded events as JSON (the Studio's run inspector): the node, step, model-call and
// tool-call events the run emitted, in order, read back from the store after (or while) it runs.
import { z } from 'zod';
import { RiptideError } from '../../errors/riptide-error.js';
import { identifierSchema } from '../../spec/identifier.js';
import { runEventSchema } from '../../spec/run-events.js';
import { errorResponses } from '../error-schemas.js';
import { tenantScope } from '../security/request-principal.js';
import { assertRunVisible } from '../security/run-visibility.js';
import type { RoutePlugin } from './route-plugin.js';

const storedRunEventSchema = z.object({
  seq: z.number().int().describe('Position of the event in the run, from 0'),
  event: runEventSchema,
});

export const runEventsRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/runs/:thread_id/events',
    {
      schema: {
        tags: ['interactive'],
        summary: "List one run's events",
        description:
          "Every event the run recorded, in order: `composition`, `node` (graph node and duration), `step` (subtask started/finished), `model_call` (node, purpose, model, the prompt after the run's input redaction, response, tokens, cost, latency — prompt and response truncated), `tool_call` (tool, arguments, ok/error with its kind, output, duration) and `pending`. Answer tokens and the final result are not repeated here (the result is `GET /api/runs/{thread_id}`). `after` returns only events with a larger `seq`, so a client can poll a running run. 404 `unknown_run` for an unknown thread — and, for a tenant key, for a thread of another tenant.",
        params: z.object({ thread_id: identifierSchema }),
        querystring: z.object({
          after: z.coerce.number().int().min(-1).default(-1).describe('Only events after this seq'),
        }),
        response: {
          200: z.object({ thread_id: z.string(), events: z.array(storedRunEventSchema) }),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => {
      const threadId = request.params.thread_id;
      await assertRunVisible(riptide.store, threadId, tenantScope(request));
      const run = await riptide.store.getRun(threadId);
      if (!run) throw new RiptideError('unknown_run', `no run with thread id '${threadId}'`);
      const records = await riptide.store.listRunEvents(threadId, request.query.after);
      return {
        thread_id: threadId,
        events: records.map((record) => ({ seq: record.seq, event: runEventSchema.parse(record.event) })),
      };
    },
  );
};
