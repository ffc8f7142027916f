// The registry the app uses: every built-in tool (network tools only when enabled) with the
// configured timeout.
import type { RiptideConfig } from '../config/config.js';
import { createBuiltinTools } from './builtin-tools.js';
import { createToolRegistry } from './tool-registry.js';
import type { ToolRegistry } from './tool-spec.js';

export function createDefaultToolRegistry(config: RiptideConfig): ToolRegistry {
  return createToolRegistry({ tools: createBuiltinTools(config.tools), timeoutMs: config.tools.timeoutMs });
}
