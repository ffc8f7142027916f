// Client-side tools: functions a caller (an OpenAI SDK, the AI SDK, LangChain) declares on a run and
// executes itself. The run's workers may call them beside riptide's own tools; such a call pauses the
// run until the caller sends the results back. Also the run's caller-given instructions.
import { z } from 'zod';

export const clientToolSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a function name is 1–64 characters of A-Za-z0-9_-')
    .describe('The function name the model calls'),
  description: z.string().max(8_000).default(''),
  /** The function's arguments as a JSON Schema object. */
  parameters: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
});
export type ClientTool = z.output<typeof clientToolSchema>;

/** `auto`: offered beside riptide's tools; `none`: not offered; `required` / a name: a client tool must be called. */
export const clientToolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ name: z.string().min(1).max(64) }),
]);
export type ClientToolChoice = z.output<typeof clientToolChoiceSchema>;

/** What a caller adds to a run beyond the ordinary run options. */
export const runExtensionsSchema = z.object({
  client_tools: z.array(clientToolSchema).max(128).optional(),
  tool_choice: clientToolChoiceSchema.optional(),
  /** System/developer instructions that reach every model call of the run. */
  instructions: z.string().max(100_000).optional(),
});
export type RunExtensions = z.output<typeof runExtensionsSchema>;
export type RunExtensionsInput = z.input<typeof runExtensionsSchema>;

/** One client tool call a paused run waits on; `id` is what the caller echoes as `tool_call_id`. */
export const clientToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The arguments as JSON text, as OpenAI's wire format carries them. */
  arguments: z.string(),
});
export type ClientToolCall = z.infer<typeof clientToolCallSchema>;

const THREAD_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CALL_ID = new RegExp(`^call_(${THREAD_ID})_(.+)$`);

/**
 * The id a caller sees for a client tool call: it names the run, so the request carrying the
 * result finds the paused run again — in whichever process serves it.
 */
export function clientCallId(threadId: string, modelCallId: string): string {
  return `call_${threadId}_${modelCallId}`;
}

/** The run a client tool call id belongs to, or null for an id riptide did not issue. */
export function threadIdOfClientCall(callId: string): string | null {
  return CALL_ID.exec(callId)?.[1] ?? null;
}
