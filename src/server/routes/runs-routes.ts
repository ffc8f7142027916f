// The run list and run lookup (beyond API.md, for the Studio and operators): recent runs newest
// first, `status=pending` as the approvals inbox, and one run's result or pending action.
import { z } from 'zod';
import { RiptideError } from '../../errors/riptide-error.js';
import { identifierSchema } from '../../spec/identifier.js';
import { runLookupSchema } from '../../spec/run-result.js';
import { RUN_STATUSES, runSummarySchema } from '../../spec/store-records.js';
import { errorResponses } from '../error-schemas.js';
import { tenantScope } from '../security/request-principal.js';
import { assertRunVisible } from '../security/run-visibility.js';
import type { RoutePlugin } from './route-plugin.js';

export const runsRoutes: RoutePlugin = async (app, { riptide }) => {
  app.get(
    '/api/runs',
    {
      schema: {
        tags: ['interactive'],
        summary: 'List recent runs',
        description:
          "Recent runs, newest first, optionally for one tenant and one status (a tenant key sees its own tenant's only). `status=pending` lists the runs waiting for a tool approval or a clarification: the approvals inbox.",
        querystring: z.object({
          tenant_id: identifierSchema.optional(),
          status: z.enum(RUN_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: identifierSchema
            .optional()
            .describe('The `thread_id` of the last run of the previous page: this page continues after it'),
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
          'The RunResult of a finished run, the pending answer of a run waiting for a human, `{"status":"running"}`, or for a background run `{"status":"queued"|"cancelled"}`; 404 `unknown_run` for an unknown thread — and, for a tenant key, for a thread of another tenant.',
        params: z.object({ thread_id: identifierSchema }),
        response: { 200: runLookupSchema, ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      await assertRunVisible(riptide.store, request.params.thread_id, tenantScope(request));
      const run = await riptide.runs.getRun(request.params.thread_id);
      if (!run) throw new RiptideError('unknown_run', `no run with thread id '${request.params.thread_id}'`);
      return run;
    },
  );
};
