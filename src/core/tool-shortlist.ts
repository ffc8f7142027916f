// The tools a subtask's worker is offered: the top-k retrieved for the subtask within its role's
// allow-list. Memoised per run, since the composer and every react step ask for the same list.
import type { ModelToolDefinition } from '../models/model-gateway.js';
import { ASK_HUMAN_TOOL, HANDOFF_TOOL } from '../prompts/contract.js';
import type { Role } from '../roles/role.js';
import type { ToolSpec } from '../tools/tool-spec.js';

const MCP_TOOL_CATEGORY = 'mcp';

import { clientToolDefinitions, clientToolsForced } from './client-tools.js';
import { ASK_HUMAN_DEFINITION, HANDOFF_DEFINITION } from './control-tools.js';
import type { RunRuntime } from './run-runtime.js';

export function toolShortlist(runtime: RunRuntime, subtask: string, role: Pick<Role, 'name' | 'tools'>): ToolSpec[] {
  const key = `${role.name}\n${subtask}`;
  let tools = runtime.toolShortlists.get(key);
  if (!tools) {
    tools = runtime.deps.tools.search(subtask, {
      limit: runtime.deps.config.tools.topK,
      allow: allowedTools(runtime, role),
    });
    runtime.toolShortlists.set(key, tools);
  }
  return tools;
}

/**
 * A role's allow-list covers the built-in catalog it was derived from. Tools of connected MCP servers
 * are added at run time by an operator who allowlisted and connected that server, so every role may
 * use them (side-effecting ones still stop for approval).
 */
function allowedTools(runtime: RunRuntime, role: Pick<Role, 'tools'>): readonly string[] | null {
  if (!role.tools) return null;
  const connected = runtime.deps.tools
    .list()
    .filter((tool) => tool.category === MCP_TOOL_CATEGORY)
    .map((tool) => tool.name);
  return connected.length === 0 ? role.tools : [...role.tools, ...connected];
}

/** Model tool definitions for a worker call: the shortlist plus the control tools still unused. */
export function offeredTools(
  runtime: RunRuntime,
  subtask: string,
  role: Role,
  used: { askedHuman: boolean; handedOff: boolean; clientRounds?: number },
): Record<string, ModelToolDefinition> {
  const client = clientToolDefinitions(runtime.options);
  // tool_choice "required" (or a function name) means one of the caller's functions, nothing else.
  if (clientToolsForced(runtime.options, used)) return client;
  const offered: Record<string, ModelToolDefinition> = {};
  for (const tool of toolShortlist(runtime, subtask, role)) {
    offered[tool.name] = { description: tool.description, json_schema: tool.json_schema };
  }
  if (!used.askedHuman) offered[ASK_HUMAN_TOOL] = ASK_HUMAN_DEFINITION;
  if (!used.handedOff) offered[HANDOFF_TOOL] = HANDOFF_DEFINITION;
  // The caller's functions win a name clash: the caller asked for its own.
  return { ...offered, ...client };
}
