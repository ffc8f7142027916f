// Workflow operations over the riptide components: save/get/list/delete specs in the store, and run a
// spec (or a saved one by name) through the run service as a static plan honouring its mode and the
// run flags. Routes and CLI commands are thin wrappers around this.

import type { RunContext, RunEvent, RunService } from '../core/run-service.js';
import { RiptideError, ValidationError } from '../errors/riptide-error.js';
import type { RoleCatalog } from '../roles/role.js';
import type { RunOptionsInput } from '../spec/run-options.js';
import type { RunResult } from '../spec/run-result.js';
import { type WorkflowRunRequest, workflowRunRequestSchema } from '../spec/workflow-run-request.js';
import { type WorkflowSpec, workflowSpecSchema } from '../spec/workflow-spec.js';
import type { Store } from '../store/store.js';
import { validateWorkflow } from './validate-workflow.js';
import { workflowToStaticPlan } from './workflow-to-static-plan.js';

/** A workflow run ready to hand to the run service. */
export interface PreparedWorkflowRun {
  spec: WorkflowSpec;
  /** The goal as the task, plus the run flags. */
  options: RunOptionsInput;
  /** The static plan, the spec's mode and its name. */
  context: RunContext;
}

/** Saved workflows belong to a tenant; every method defaults to the `default` tenant. */
export interface WorkflowService {
  list(tenantId?: string): Promise<string[]>;
  /** The saved spec (shape-checked only, so a stale one can still be opened and fixed); throws 'unknown_workflow' (404). */
  get(name: string, tenantId?: string): Promise<WorkflowSpec>;
  /** Validates and upserts; throws ValidationError 'invalid_workflow' (422) listing every problem. */
  save(spec: unknown, tenantId?: string): Promise<WorkflowSpec>;
  /** Throws 'unknown_workflow' (404) when nothing was saved under the name. */
  delete(name: string, tenantId?: string): Promise<void>;
  /**
   * Resolves and validates a run request (inline spec, or a name saved by the request's tenant) without running it: throws
   * ValidationError (422: bad request or invalid spec) or 'unknown_workflow' (404).
   */
  prepareRun(request: WorkflowRunRequest, access?: WorkflowAccess): Promise<PreparedWorkflowRun>;
  run(request: WorkflowRunRequest, context?: Pick<RunContext, 'signal'> & WorkflowAccess): Promise<RunResult>;
  /** Run events (node timings, tokens, result); request problems are thrown by the first `next()`. */
  stream(request: WorkflowRunRequest, context?: Pick<RunContext, 'signal'> & WorkflowAccess): AsyncIterable<RunEvent>;
}

/**
 * Which saved workflows a run by name may use. A caller confined to one tenant (a tenant key) uses
 * only that tenant's; any other caller also falls back to the `default` tenant's, the shared ones.
 */
export interface WorkflowAccess {
  tenantScope?: string | null;
}

const DEFAULT_TENANT = 'default';

export function createWorkflowService(deps: { store: Store; roles: RoleCatalog; runs: RunService }): WorkflowService {
  const { store, roles, runs } = deps;

  async function load(name: string, tenantId: string, shared = false): Promise<unknown> {
    const record =
      (await store.getWorkflow(name, tenantId)) ??
      (shared && tenantId !== DEFAULT_TENANT ? await store.getWorkflow(name, DEFAULT_TENANT) : undefined);
    if (!record) throw new RiptideError('unknown_workflow', `no saved workflow named '${name}'`);
    return record.spec;
  }

  async function get(name: string, tenantId = DEFAULT_TENANT): Promise<WorkflowSpec> {
    const stored = await load(name, tenantId);
    // Only the shape is checked on read: a spec whose role has since left the catalog must still
    // open (e.g. in the Studio) so it can be fixed; running it validates everything.
    const parsed = workflowSpecSchema.safeParse(stored);
    return parsed.success ? parsed.data : validateWorkflow(stored, roles);
  }

  async function prepareRun(request: WorkflowRunRequest, access: WorkflowAccess = {}): Promise<PreparedWorkflowRun> {
    const parsed = workflowRunRequestSchema.safeParse(request);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`),
      );
    }
    const { spec: inline, name, ...flags } = parsed.data;
    const spec = validateWorkflow(
      name !== undefined ? await load(name, flags.tenant_id, access.tenantScope == null) : inline,
      roles,
    );
    return {
      spec,
      // The goal is the task; the spec's steps replace the orchestrator's own plan.
      options: { ...flags, task: spec.goal },
      context: { staticPlan: workflowToStaticPlan(spec), mode: spec.mode, workflowName: spec.name },
    };
  }

  return {
    list: (tenantId = DEFAULT_TENANT) => store.listWorkflows(tenantId),
    get,
    async save(input, tenantId = DEFAULT_TENANT) {
      const spec = validateWorkflow(input, roles);
      await store.saveWorkflow(spec.name, spec, tenantId);
      return spec;
    },
    async delete(name, tenantId = DEFAULT_TENANT) {
      if (!(await store.deleteWorkflow(name, tenantId))) {
        throw new RiptideError('unknown_workflow', `no saved workflow named '${name}'`);
      }
    },
    prepareRun,
    async run(request, { tenantScope, ...context } = {}) {
      const prepared = await prepareRun(request, { tenantScope });
      return runs.runTask(prepared.options, { ...prepared.context, ...context });
    },
    async *stream(request, { tenantScope, ...context } = {}) {
      const prepared = await prepareRun(request, { tenantScope });
      yield* runs.streamRun(prepared.options, { ...prepared.context, ...context });
    },
  };
}
