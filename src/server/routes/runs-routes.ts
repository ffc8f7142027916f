// The run list and run lookup (beyond API.md, for the Studio and operators): recent runs newest
// first, `status=pending` as the approvals inbox, and one run's result or pending action.
import { z } from 'zod';
import { identifierSchema } from '../../core/identifier.js';
import { pendingActionSchema, pendingRunSchema, runResultSchema } from '../../core/run-result.js';
import { RiptideError } from '../../errors/riptide-error.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './index.js';

const runSummarySchema = z.object({
  thread_id: z.string(),
  tenant_id: z.string(),
  task: z.string(),
  status: z.enum(['running', 'pending', 'completed', 'failed']),
  mode: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  pending_action: pendingActionSchema.nullable(),
});

const runLookupSchema = z.union([
  runResultSchema,
  pendingRunSchema,
  z.object({ status: z.literal('running'), thread_id: z.string() }),
]);

export const runsRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/runs',
    {
      schema: {
        tags: ['interactive'],
        summary: 'List recent runs',
        description:
          'Recent runs, newest first, optionally for one tenant and one status. `status=pending` lists the runs waiting for a tool approval or a clarification: the approvals inbox.',
        querystring: z.object({
          tenant_id: identifierSchema.optional(),
          status: z.enum(['running', 'pending', 'completed', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.array(runSummarySchema), ...errorResponses(422) },
      },
    },
    async (request) => riptide.runs.listRuns(request.query),
  );

  app.get(
    '/api/runs/:thread_id',
    {
      schema: {
        tags: ['interactive'],
        summary: 'Get one run',
        description:
          'The RunResult of a finished run, the pending answer of a run waiting for a human, or `{"status":"running"}`; 404 `unknown_run` for an unknown thread.',
        params: z.object({ thread_id: identifierSchema }),
        response: { 200: runLookupSchema, ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const run = await riptide.runs.getRun(request.params.thread_id);
      if (!run) throw new RiptideError('unknown_run', `no run with thread id '${request.params.thread_id}'`);
      return run;
    },
  );
};
