// POST /api/eval: runs the default eval suite (or one given in the body), each task in a throwaway
// data directory, and answers the EvalReport.

import { z } from 'zod';
import { loadDefaultSuite, parseEvalSuite } from '../../eval/load-eval-suite.js';
import { runEval } from '../../eval/run-eval.js';
import { createRiptide } from '../../riptide.js';
import { evalReportSchema } from '../../spec/eval-report.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import type { RoutePlugin } from './route-plugin.js';

const evalRequestSchema = z.object({
  offline: z
    .boolean()
    .default(true)
    .describe('Force the built-in deterministic offline model (default true; false uses the configured provider)'),
  suite: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'A suite `{name, tasks: [{id, prompt, tags, options, interactive, repeat, expect}]}`; default: the bundled suite',
    ),
});

export const evalRoutes: RoutePlugin = async (app, { riptide }) => {
  app.post(
    '/api/eval',
    {
      config: { startsRun: true },
      schema: {
        tags: ['eval'],
        summary: 'Run the behavioural eval suite',
        description:
          'Runs each task in its own temporary data directory (never touching this server’s memory, costs or workflows), checks its expectations and answers the EvalReport.',
        body: evalRequestSchema,
        response: { 200: evalReportSchema, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const suite = request.body.suite ? parseEvalSuite(request.body.suite, 'body.suite') : await loadDefaultSuite();
      const controller = abortOnDisconnect(reply);
      return runEval(suite, {
        build: createRiptide,
        offline: request.body.offline,
        config: riptide.config,
        signal: controller.signal,
      });
    },
  );
};
