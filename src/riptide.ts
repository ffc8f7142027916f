// createRiptide(config): builds every component once — store, model gateway, tools, roles, memory,
// guardrails, budgets, MCP and the run service — wires them explicitly, and closes them together.
import fs from 'node:fs';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { RiptideConfig } from './config/config.js';
import { createRunService } from './core/create-run-service.js';
import { createGuardrailPipeline, defaultGuardrails } from './guardrails/guardrail-pipeline.js';
import { createModelJudgeGuardrail } from './guardrails/model-judge-guardrail.js';
import { createMcpManager } from './mcp/mcp-manager.js';
import { createMemory } from './memory/create-memory.js';
import { createModelGateway, type ModelGatewayOptions } from './models/create-model-gateway.js';
import type { ModelGateway } from './models/model-gateway.js';
import type { Riptide } from './riptide-types.js';
import { createDefaultRoleCatalog } from './roles/default-role-catalog.js';
import { createPostgresStore } from './store/postgres-store.js';
import { createSqliteStore } from './store/sqlite-store.js';
import { createBuiltinTools } from './tools/builtin-tools.js';
import { createToolRegistry } from './tools/tool-registry.js';
import type { ToolSpec } from './tools/tool-spec.js';
import { createBudgetGuard } from './usage/create-budget-guard.js';

export interface RiptideOverrides {
  /** Tools added to the built-in ones (a newer version of a built-in name replaces it in use). */
  extraTools?: ToolSpec[];
  /** Options for the model gateway, e.g. the offline model's `onRequest` hook in tests. */
  modelOptions?: ModelGatewayOptions;
  /** A prebuilt model gateway instead of the configured one. */
  models?: ModelGateway;
}

export async function createRiptide(config: RiptideConfig, overrides: RiptideOverrides = {}): Promise<Riptide> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.mkdirSync(config.workspaceDir, { recursive: true });
  // The embedded SQLite file by default; PostgreSQL when RIPTIDE_DATABASE_URL names one.
  const store = config.databaseUrl
    ? await createPostgresStore({ url: config.databaseUrl })
    : await createSqliteStore({ file: config.databaseFile });
  try {
    const models = overrides.models ?? createModelGateway(config.model, overrides.modelOptions);
    const toolSpecs = [...createBuiltinTools(config.tools), ...(overrides.extraTools ?? [])];
    const tools = createToolRegistry({ tools: toolSpecs, timeoutMs: config.tools.timeoutMs });
    const roles = createDefaultRoleCatalog(toolSpecs);
    const memory = createMemory({ store, embed: (texts) => models.embed(texts) });
    // The model judge, when enabled, runs after the PII redactor so it never sees redacted values.
    const guardrails = createGuardrailPipeline(
      config.guardrails.modelJudge
        ? [...defaultGuardrails(), createModelJudgeGuardrail({ models })]
        : defaultGuardrails(),
    );
    const budgets = createBudgetGuard({
      store,
      defaultUsd: config.budgets.defaultUsd,
      perTenantUsd: config.budgets.perTenantUsd,
    });
    const runs = createRunService(
      { config, models, tools, roles, store, memory, guardrails, budgets },
      { checkpointer: config.databaseUrl ? await postgresCheckpointer(config.databaseUrl) : undefined },
    );
    const mcp = createMcpManager({
      servers: config.mcp.servers,
      enableConnect: config.mcp.enableConnect,
      registry: tools,
    });
    let closed: Promise<void> | undefined;
    return {
      config,
      models,
      tools,
      roles,
      store,
      memory,
      guardrails,
      budgets,
      runs,
      mcp,
      close() {
        closed ??= (async () => {
          await mcp.closeAll().catch(() => undefined);
          await runs.close();
          await store.close();
        })();
        return closed;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** LangGraph checkpoints in PostgreSQL beside the store, so any server process can resume a run. */
async function postgresCheckpointer(url: string) {
  const saver = PostgresSaver.fromConnString(url);
  await saver.setup();
  return { saver, close: () => saver.end() };
}
