// Workflow routes (API.md, Workflows): list/save/get/delete saved specs, run one by spec or name, and
// stream a run as a node trace. Specs are validated by the workflow service (every problem → 422).
import { z } from 'zod';
import { RiptideError, ValidationError } from '../../errors/riptide-error.js';
import { ERROR_STATUS } from '../../spec/error-codes.js';
import { identifierSchema } from '../../spec/identifier.js';
import { runResultSchema } from '../../spec/run-result.js';
import { workflowTraceFrameSchema } from '../../spec/stream-frames.js';
import { workflowRunRequestSchema } from '../../spec/workflow-run-request.js';
import { workflowSpecSchema } from '../../spec/workflow-spec.js';
import type { PreparedWorkflowRun } from '../../workflows/workflow-service.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { errorResponses } from '../error-schemas.js';
import { queryBoolean } from '../query-schemas.js';
import {
  lastRunEventOf,
  pipeResumableRunStream,
  pipeRunReplay,
  runStreamHeadersSchema,
} from '../resumable-run-stream.js';
import { toWorkflowTraceFrame } from '../run-event-frames.js';
import { tenantScope } from '../security/request-principal.js';
import type { RoutePlugin } from './route-plugin.js';

const nameParamsSchema = z.object({ name: identifierSchema.describe('The workflow name') });
/** Saved workflows belong to a tenant (a tenant key always names its own). */
const workflowTenantQuerySchema = z.object({
  tenant_id: identifierSchema.default('default').describe('Whose saved workflows (default "default")'),
});

const workflowRunQuerySchema = z.object({
  spec: z.string().optional().describe('A workflow spec as JSON text (or give `name`)'),
  name: identifierSchema.optional().describe('The name of a saved workflow (or give `spec`)'),
  tenant_id: identifierSchema.optional(),
  offline: queryBoolean.optional(),
  memory: queryBoolean.optional(),
  guardrails: queryBoolean.optional(),
  critic: queryBoolean.optional(),
  supervisor: queryBoolean.optional(),
});

const workflowStreamEventSchema = workflowTraceFrameSchema.describe(
  'One `data:` frame: `node` events with `step` events (each workflow node `started`, then `completed` or `failed`) between them, then `result`; an invalid spec or unknown name is an `error` event listing the problems',
);

export const workflowRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  const { workflows } = riptide;

  app.get(
    '/api/workflows',
    {
      schema: {
        tags: ['workflows'],
        summary: 'List saved workflows',
        querystring: workflowTenantQuerySchema,
        response: { 200: z.array(z.string()).describe('The saved workflow names'), ...errorResponses(422) },
      },
    },
    async (request) => workflows.list(request.query.tenant_id),
  );

  app.post(
    '/api/workflows',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Save (upsert) a workflow',
        description:
          'Validates the spec and saves it under its name, replacing a workflow of that name. An invalid spec (empty graph, duplicate ids, self-edge, dangling edge, cycle, unknown role, empty subtask or label) answers 422 listing every problem.',
        body: workflowSpecSchema,
        querystring: workflowTenantQuerySchema,
        response: { 200: workflowSpecSchema, ...errorResponses(422) },
      },
    },
    async (request) => workflows.save(request.body, request.query.tenant_id),
  );

  app.get(
    '/api/workflows/:name',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Get a saved workflow',
        params: nameParamsSchema,
        querystring: workflowTenantQuerySchema,
        response: { 200: workflowSpecSchema, ...errorResponses(404, 422) },
      },
    },
    async (request) => workflows.get(request.params.name, request.query.tenant_id),
  );

  app.delete(
    '/api/workflows/:name',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Delete a saved workflow',
        params: nameParamsSchema,
        querystring: workflowTenantQuerySchema,
        response: {
          200: z.object({ status: z.literal('deleted'), name: z.string() }),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => {
      await workflows.delete(request.params.name, request.query.tenant_id);
      return { status: 'deleted' as const, name: request.params.name };
    },
  );

  app.post(
    '/api/workflows/run',
    {
      config: { startsRun: true },
      schema: {
        tags: ['workflows'],
        summary: 'Run a workflow',
        description:
          'Runs an inline `spec` or a saved workflow by `name`: each node is a subtask for its role, each edge a dependency; independent nodes run concurrently in dependency-ordered waves sharing a blackboard. The goal is the task.',
        body: workflowRunRequestSchema,
        response: { 200: runResultSchema, ...errorResponses(402, 404, 422) },
      },
    },
    async (request, reply) => {
      const controller = abortOnDisconnect(reply);
      return workflows.run(request.body, { signal: controller.signal, tenantScope: tenantScope(request) });
    },
  );

  app.get(
    '/api/workflows/run/stream',
    {
      config: { startsRun: true },
      schema: {
        tags: ['workflows'],
        summary: 'Stream a workflow run as a node trace (SSE)',
        description:
          'Query `spec` (JSON text) or `name`, plus the run flags. Server-sent events: one `node` event per executed graph node and, between them, `{"event":"step","step_id","index","subtask","role","status"}` as each workflow node `started` and `completed` (or `failed`) — `step_id` is the node id, null for a supervisor\'s corrective subtask — then `result` with the RunResult. An invalid spec or unknown name is an `error` event. Each frame has an `id:` line, `<thread_id>:<seq>`; reconnecting with `Last-Event-ID` replays the stored run after that event instead of running the workflow again (404 `unknown_run` when the id names no run).',
        querystring: workflowRunQuerySchema,
        headers: runStreamHeadersSchema,
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: workflowStreamEventSchema } },
          },
          ...errorResponses(402, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const target = { riptide, sse, request, reply, toFrame: toWorkflowTraceFrame };
      const reconnect = lastRunEventOf(request);
      // A reconnect replays the stored run; its spec was checked when it started.
      if (reconnect) return pipeRunReplay(target, reconnect);
      const { spec: specText, ...rest } = request.query;
      let prepared: PreparedWorkflowRun;
      try {
        prepared = await workflows.prepareRun(
          { ...rest, spec: specText === undefined ? undefined : parseSpecText(specText) },
          { tenantScope: tenantScope(request) },
        );
      } catch (error) {
        // A spec drawn in the Studio is checked here: its problems come back on the stream it opened.
        if (!RiptideError.is(error) || (ERROR_STATUS[error.code] ?? 500) >= 500) throw error;
        const stream = sse.start(reply);
        stream.send({
          event: 'error',
          detail: error instanceof ValidationError ? error.problems : error.message,
          code: error.code,
        });
        return reply;
      }
      return pipeResumableRunStream({
        ...target,
        start: (signal, threadId) =>
          riptide.runs.streamRun(prepared.options, { ...prepared.context, signal, threadId }),
      });
    },
  );
};

function parseSpecText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError(['spec: is not valid JSON'], 'invalid_workflow');
  }
}
