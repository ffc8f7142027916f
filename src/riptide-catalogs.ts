// The tool registry and the role catalog as the configuration makes them: the built-in tools
// (network tools only when enabled) plus any extra ones, and roles whose allow-lists are derived
// from those tools. Assembled here once, for createRiptide and for the commands that need only the
// catalogs (no database).
import type { RiptideConfig } from './config/config.js';
import { createDefaultRoleCatalog } from './roles/default-role-catalog.js';
import type { RoleCatalog } from './roles/role.js';
import { createBuiltinTools } from './tools/builtin-tools.js';
import { createToolRegistry } from './tools/tool-registry.js';
import type { ToolRegistry, ToolSpec } from './tools/tool-spec.js';

export interface Catalogs {
  tools: ToolRegistry;
  roles: RoleCatalog;
}

export function createCatalogs(
  config: RiptideConfig,
  overrides: { tools?: ToolRegistry; extraTools?: ToolSpec[]; roles?: RoleCatalog } = {},
): Catalogs {
  const specs = overrides.tools ? null : [...createBuiltinTools(config.tools), ...(overrides.extraTools ?? [])];
  const tools = overrides.tools ?? createToolRegistry({ tools: specs ?? [], timeoutMs: config.tools.timeoutMs });
  return { tools, roles: overrides.roles ?? createDefaultRoleCatalog(specs ?? tools.list()) };
}
