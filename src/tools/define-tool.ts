// A compact way to declare a tool: parameters as JSON Schema fragments, the object schema around
// them (required fields, no extras) built here so every tool's schema has the same shape.
import type { JsonSchema, ToolContext, ToolSpec } from './tool-spec.js';

export interface ToolDefinition<Args> {
  name: string;
  description: string;
  category: string;
  tags: string[];
  /** A few requests in users' words that this tool answers (retrieval ranks on them). */
  examples?: string[];
  /** Property name → JSON Schema fragment (each with its own description). */
  parameters: Record<string, JsonSchema>;
  /** Defaults to every parameter without a `default`. */
  required?: string[];
  version?: string;
  side_effecting?: boolean;
  handler: (args: Args, context: ToolContext) => Promise<unknown> | unknown;
}

export function defineTool<Args = any>(definition: ToolDefinition<Args>): ToolSpec<Args> {
  const required =
    definition.required ??
    Object.entries(definition.parameters)
      .filter(([, schema]) => !('default' in schema))
      .map(([name]) => name);
  return {
    name: definition.name,
    version: definition.version ?? '1.0.0',
    description: definition.description,
    category: definition.category,
    tags: definition.tags,
    ...(definition.examples ? { examples: definition.examples } : {}),
    side_effecting: definition.side_effecting ?? false,
    json_schema: {
      type: 'object',
      properties: definition.parameters,
      required,
      additionalProperties: false,
    },
    handler: definition.handler,
  };
}
