// Human-in-the-loop over HTTP: start a run that stops at side-effecting tools and clarifications,
// and resume it (approve/deny, or answer). Pending runs live in the database and survive restarts.
import { z } from 'zod';
import { identifierSchema } from '../../spec/identifier.js';
import { runOptionsSchema } from '../../spec/run-options.js';
import { pendingRunSchema, resumeInputSchema, runResultSchema } from '../../spec/run-result.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import { tenantScope } from '../security/request-principal.js';
import { assertRunVisible } from '../security/run-visibility.js';
import type { RoutePlugin } from './route-plugin.js';

export const runOutcomeSchema = z
  .union([runResultSchema, pendingRunSchema])
  .describe('A RunResult, or `{"status":"pending_approval","thread_id","action"}` when the run waits for a human');

export const interactiveRoutes: RoutePlugin = async (app, { riptide }) => {
  app.post(
    '/api/run/interactive',
    {
      config: { startsRun: true },
      schema: {
        tags: ['interactive'],
        summary: 'Start an interactive run',
        description:
          'Runs the task until it completes or stops for a human: a side-effecting tool awaiting approval (`action.type = "tool_approval"`) or an `ask_human` clarification (`action.type = "clarification"`). Resume it with POST /api/run/{thread_id}/resume.',
        body: runOptionsSchema,
        response: { 200: runOutcomeSchema, ...errorResponses(402, 422) },
      },
    },
    async (request, reply) => {
      const controller = abortOnDisconnect(reply);
      return riptide.runs.runInteractive(request.body, { signal: controller.signal, interactive: true });
    },
  );

  app.post(
    '/api/run/:thread_id/resume',
    {
      config: { startsRun: true },
      schema: {
        tags: ['interactive'],
        summary: 'Resume a pending run',
        description:
          "Approves or denies the pending tool (`approved`), or answers the clarification (`answer`). The run continues with the configuration it started with; a denied tool is not run. Resuming twice runs the tool at most once: the loser gets 400 `resume_error`, as do unknown threads and runs with nothing pending. Survives a server restart. With a tenant key, a thread of another tenant (or none at all) is 404 `unknown_run`, so a key learns nothing about other tenants' threads.",
        params: z.object({ thread_id: identifierSchema }),
        body: resumeInputSchema,
        response: { 200: runOutcomeSchema, ...errorResponses(400, 402, 404, 422) },
      },
    },
    async (request, reply) => {
      await assertRunVisible(riptide.store, request.params.thread_id, tenantScope(request));
      const controller = abortOnDisconnect(reply);
      return riptide.runs.resume(request.params.thread_id, request.body, { signal: controller.signal });
    },
  );
};
