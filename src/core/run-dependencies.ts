// The components the graph's nodes and the run service talk to (seams only; no HTTP, no SQL). The
// composition root (createRiptide) builds them; `Riptide` is this set plus the services on top.
import type { RiptideConfig } from '../config/config.js';
import type { GuardrailPipeline } from '../guardrails/guardrail.js';
import type { Memory } from '../memory/memory.js';
import type { ModelGateway } from '../models/model-gateway.js';
import type { RoleCatalog } from '../roles/role.js';
import type { Store } from '../store/store.js';
import type { ToolRegistry } from '../tools/tool-spec.js';
import type { BudgetGuard } from '../usage/budget-guard.js';

export interface RunDependencies {
  config: RiptideConfig;
  models: ModelGateway;
  tools: ToolRegistry;
  roles: RoleCatalog;
  store: Store;
  memory: Memory;
  guardrails: GuardrailPipeline;
  budgets: BudgetGuard;
}
