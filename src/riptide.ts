// createRiptide(config, overrides): the composition root. It builds every component exactly once —
// store, model gateway, tools, roles, memory, guardrails, budgets, MCP, and the run,
// session and workflow services — or takes the caller's, wires them explicitly, and closes what it built.
// The heavy builders (store drivers, the AI SDK and its providers, the tool library, MCP, pg-boss)
// are imported inside createRiptide, so `import('riptide')` costs only what its exported values need.
import fs from 'node:fs';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createApiKeyService } from './auth/api-key-service.js';
import type { RiptideConfig } from './config/config.js';
import { createRunService, type RunServiceOptions } from './core/create-run-service.js';
import { createSessionService } from './core/session-service.js';
import type { Guardrail, GuardrailPipeline } from './guardrails/guardrail.js';
import { createGuardrailPipeline, defaultGuardrails } from './guardrails/guardrail-pipeline.js';
import { createModelJudgeGuardrail } from './guardrails/model-judge-guardrail.js';
import { createMemory } from './memory/create-memory.js';
import type { Memory } from './memory/memory.js';
import type { ModelGatewayOptions } from './models/create-model-gateway.js';
import type { ModelGateway } from './models/model-gateway.js';
import { createBackgroundRuns } from './queue/background-runs.js';
import { enqueueStoredRun } from './queue/enqueue-stored-run.js';
import type { RunQueueParts } from './queue/open-run-queue.js';
import type { Riptide } from './riptide-types.js';
import type { RoleCatalog } from './roles/role.js';
import type { Store } from './store/store.js';
import { createRunObserverSet } from './telemetry/run-observer-set.js';
import type { RunTelemetry } from './telemetry/run-telemetry.js';
import { tracesExportRequested } from './telemetry/telemetry-settings.js';
import type { ToolRegistry, ToolSpec } from './tools/tool-spec.js';
import type { BudgetGuard } from './usage/budget-guard.js';
import { createBudgetGuard } from './usage/create-budget-guard.js';
import { createWorkflowService } from './workflows/workflow-service.js';

/** Any component may be passed in; whatever is not is built from the configuration. */
export interface RiptideOverrides {
  /** A store (left open by close()); default: PostgreSQL for RIPTIDE_DATABASE_URL, else the SQLite file. */
  store?: Store;
  /** Run service settings: lease length, this process's owner name, event recording. */
  runService?: RunServiceOptions;
  /** A prebuilt model gateway instead of the configured one. */
  models?: ModelGateway;
  /** Any AI SDK model (e.g. `openai('gpt-4.1')`, a MockLanguageModel): serves every model call. */
  languageModel?: LanguageModelV3;
  /** Options for the built-in offline model (e.g. its request log in tests). */
  modelOptions?: ModelGatewayOptions;
  /** A tool registry instead of the built-in tools (plus `extraTools`). */
  tools?: ToolRegistry;
  /** Tools added to the built-in ones (a newer version of a built-in name replaces it in use). */
  extraTools?: ToolSpec[];
  roles?: RoleCatalog;
  memory?: Memory;
  /** A pipeline, or the guards to run in order (e.g. the defaults plus a model judge). */
  guardrails?: GuardrailPipeline | Guardrail[];
  budgets?: BudgetGuard;
  /** The run queue and run notices (closed by close()); default: pg-boss + LISTEN/NOTIFY on PostgreSQL, else in process. */
  runQueue?: RunQueueParts;
  /** Trace export; default: OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none (null forces none). */
  telemetry?: RunTelemetry | null;
}

export async function createRiptide(config: RiptideConfig, overrides: RiptideOverrides = {}): Promise<Riptide> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.mkdirSync(config.workspaceDir, { recursive: true });
  const ownedStore = overrides.store ? null : await openConfiguredStore(config);
  const store = overrides.store ?? (ownedStore as Store);
  let telemetry: RunTelemetry | null = null;
  try {
    telemetry = overrides.telemetry !== undefined ? overrides.telemetry : await configuredTelemetry();
    const observers = createRunObserverSet(telemetry ? [telemetry.observer] : []);
    const [{ createModelGateway }, { createCatalogs }, { openRunQueue }, { createMcpManager }] = await Promise.all([
      import('./models/create-model-gateway.js'),
      import('./riptide-catalogs.js'),
      import('./queue/open-run-queue.js'),
      import('./mcp/mcp-manager.js'),
    ]);
    const models =
      overrides.models ??
      createModelGateway(config.model, { ...overrides.modelOptions, languageModel: overrides.languageModel });
    const { tools, roles } = createCatalogs(config, overrides);
    const memory = overrides.memory ?? createMemory({ store, embed: (texts) => models.embed(texts) });
    const guardrails = Array.isArray(overrides.guardrails)
      ? createGuardrailPipeline(overrides.guardrails)
      : (overrides.guardrails ?? createGuardrailPipeline(configuredGuardrails(config, models)));
    const budgets =
      overrides.budgets ??
      createBudgetGuard({ store, defaultUsd: config.budgets.defaultUsd, perTenantUsd: config.budgets.perTenantUsd });
    const deps = { config, models, tools, roles, store, memory, guardrails, budgets };
    const { queue, notices } = overrides.runQueue ?? (await openRunQueue(config));
    const runs = createRunService(deps, {
      leaseMs: config.runs.leaseMs,
      observer: observers,
      onEventsStored: (threadId) => notices.publish({ kind: 'events', thread_id: threadId }),
      onRequeued: (record) => enqueueStoredRun(store, queue, record),
      ...overrides.runService,
    });
    const background = createBackgroundRuns({
      runs,
      store,
      queue,
      notices,
      webhooks: config.webhooks.secret
        ? (await import('./queue/webhook-delivery.js')).createWebhookDelivery({
            secret: config.webhooks.secret,
            allowHosts: config.webhooks.allowHosts,
          })
        : null,
    });
    const mcp = createMcpManager({
      servers: config.mcp.servers,
      enableConnect: config.mcp.enableConnect,
      registry: tools,
    });
    let closed: Promise<void> | undefined;
    return {
      ...deps,
      runs,
      sessions: createSessionService({ store, runs }),
      workflows: createWorkflowService({ store, roles, runs }),
      keys: createApiKeyService({ store }),
      mcp,
      background,
      observers,
      telemetry,
      close() {
        closed ??= (async () => {
          await mcp.closeAll().catch(() => undefined);
          await runs.close();
          await background.close().catch(() => undefined);
          await ownedStore?.close();
          // Last, so the spans of everything that ended above are exported.
          if (!overrides.telemetry) await telemetry?.shutdown().catch(() => undefined);
        })();
        return closed;
      },
    };
  } catch (error) {
    await ownedStore?.close();
    if (!overrides.telemetry) await telemetry?.shutdown().catch(() => undefined);
    throw error;
  }
}

/** OpenTelemetry trace export when the standard variables ask for it; the SDK is imported only then. */
async function configuredTelemetry(): Promise<RunTelemetry | null> {
  if (!tracesExportRequested(process.env)) return null;
  const { createOtelRunTelemetry } = await import('./telemetry/otel-run-telemetry.js');
  return createOtelRunTelemetry();
}

/** The embedded SQLite file by default; PostgreSQL when RIPTIDE_DATABASE_URL names one. */
async function openConfiguredStore(config: RiptideConfig): Promise<Store> {
  if (config.databaseUrl)
    return (await import('./store/postgres-store.js')).createPostgresStore({ url: config.databaseUrl });
  return (await import('./store/sqlite-store.js')).createSqliteStore({ file: config.databaseFile });
}

/** The default guards, plus the model judge when RIPTIDE_GUARD_MODEL_JUDGE is set — after the PII redactor, so it never sees redacted values. */
function configuredGuardrails(config: RiptideConfig, models: ModelGateway): Guardrail[] {
  const guards = defaultGuardrails();
  return config.guardrails.modelJudge ? [...guards, createModelJudgeGuardrail({ models })] : guards;
}
