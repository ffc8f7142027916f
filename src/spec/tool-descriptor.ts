// What a tool is on the wire (GET /api/tools, MCP's list, the Studio's Tool Runner) and what one call
// of it can come to: a typed outcome, never an encoded string.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export const jsonSchemaObjectSchema = z.record(z.string(), z.unknown());

export const toolDescriptorSchema = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string().describe('One precise line: what it does and returns'),
  side_effecting: z.boolean().describe('Writes, deletes or sends something: needs approval in interactive runs'),
  category: z.string(),
  tags: z.array(z.string()),
  json_schema: jsonSchemaObjectSchema.describe('JSON Schema of the arguments, with a description per property'),
});
export type ToolDescriptor = z.infer<typeof toolDescriptorSchema>;

/** Why a tool call was rejected before (or instead of) running. Counted per kind in RunResult metrics. */
export const TOOL_CALL_FAILURE_KINDS = ['unknown_tool', 'bad_json', 'schema_violation'] as const;
export type ToolCallFailureKind = (typeof TOOL_CALL_FAILURE_KINDS)[number];

/** Why a call that was valid still produced no output (`quarantined`: the guardrails withheld it). */
export const TOOL_RUN_ERROR_KINDS = ['tool_error', 'timeout', 'denied', 'control', 'quarantined'] as const;
export type ToolRunErrorKind = (typeof TOOL_RUN_ERROR_KINDS)[number];

export type ToolErrorKind = ToolCallFailureKind | ToolRunErrorKind;

/** One call's outcome, from the registry to the result record: a typed error, never an encoded string. */
export type ToolOutcome = { ok: true; output: string } | { ok: false; kind: ToolErrorKind; error: string };

export const toolOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.string() }),
  z.object({
    ok: z.literal(false),
    kind: z.enum([...TOOL_CALL_FAILURE_KINDS, ...TOOL_RUN_ERROR_KINDS]),
    error: z.string(),
  }),
]);

export function isToolOutcome(value: unknown): value is ToolOutcome {
  return toolOutcomeSchema.safeParse(value).success;
}
