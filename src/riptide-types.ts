// The assembled component set that createRiptide(config) returns and every surface receives.
import type { RiptideConfig } from './config/config.js';
import type { RunService } from './core/run-service.js';
import type { GuardrailPipeline } from './guardrails/guardrail.js';
import type { McpManager } from './mcp/mcp-manager.js';
import type { Memory } from './memory/memory.js';
import type { ModelGateway } from './models/model-gateway.js';
import type { RoleCatalog } from './roles/role.js';
import type { Store } from './store/store.js';
import type { ToolRegistry } from './tools/tool-spec.js';
import type { BudgetGuard } from './usage/budget-guard.js';

export interface Riptide {
  config: RiptideConfig;
  models: ModelGateway;
  tools: ToolRegistry;
  roles: RoleCatalog;
  store: Store;
  memory: Memory;
  guardrails: GuardrailPipeline;
  budgets: BudgetGuard;
  runs: RunService;
  /** Allowlisted MCP servers and their connections (absent when built without MCP). */
  mcp?: McpManager;
  /** Closes the database and any MCP connections. */
  close(): Promise<void>;
}
