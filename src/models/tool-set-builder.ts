// Turns riptide tool definitions into AI SDK tools once per definition object: the SDK would otherwise
// re-convert schemas on every call (a known per-call cost, see DESIGN.md). No `execute`: the graph
// runs tools itself through the registry.
import { jsonSchema, type Tool, type ToolSet, tool } from 'ai';
import type { ModelToolDefinition } from './model-gateway.js';

export interface ToolSetBuilder {
  build(tools: Record<string, ModelToolDefinition>): ToolSet;
}

export function createToolSetBuilder(): ToolSetBuilder {
  const cache = new WeakMap<ModelToolDefinition, Tool>();
  return {
    build(tools) {
      const set: ToolSet = {};
      for (const [name, definition] of Object.entries(tools)) {
        let built = cache.get(definition);
        if (!built) {
          // Without a validate function the SDK checks only that the arguments are JSON; schema
          // violations reach the registry, which classifies and reports them.
          built = tool({ description: definition.description, inputSchema: jsonSchema(definition.json_schema as any) });
          cache.set(definition, built);
        }
        set[name] = built;
      }
      return set;
    },
  };
}
