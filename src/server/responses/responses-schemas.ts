// The OpenAI Responses API wire format (POST /v1/responses): the request riptide reads and the
// response object it answers with. Unknown OpenAI fields are accepted and ignored.
import { z } from 'zod';
import { identifierSchema } from '../../spec/identifier.js';
import { RIPTIDE_MODEL_ID } from '../openai-chat.js';

const inputContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
]);

/** One input item: a message, an earlier function call, or a function call's output. */
export const responseInputItemSchema = z.looseObject({
  type: z.string().optional().describe('message (default), function_call or function_call_output'),
  role: z.string().optional(),
  content: inputContentSchema.optional(),
  call_id: z.string().optional(),
  name: z.string().optional(),
  arguments: z.string().optional(),
  output: z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]).optional(),
});
export type ResponseInputItem = z.output<typeof responseInputItemSchema>;

const responseToolSchema = z.looseObject({
  type: z.string().describe('"function"'),
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  parameters: z.record(z.string(), z.unknown()).nullable().optional(),
  strict: z.boolean().nullable().optional(),
});
export type ResponseTool = z.output<typeof responseToolSchema>;

const responseToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.string(), name: z.string().optional() }),
]);

export const textFormatSchema = z.looseObject({
  type: z.enum(['text', 'json_object', 'json_schema']),
  name: z.string().optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
  strict: z.boolean().nullable().optional(),
  description: z.string().optional(),
});

export const createResponseRequestSchema = z.object({
  model: z.string().min(1).max(200).default(RIPTIDE_MODEL_ID),
  input: z
    .union([z.string().min(1), z.array(responseInputItemSchema).min(1)])
    .describe('The task as text, or items: messages, function_call and function_call_output'),
  instructions: z.string().max(100_000).nullable().optional().describe('Instructions for every model call'),
  tools: z.array(responseToolSchema).max(128).nullable().optional().describe('Function tools the caller runs'),
  tool_choice: responseToolChoiceSchema.nullable().optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  text: z.looseObject({ format: textFormatSchema.optional() }).nullable().optional(),
  previous_response_id: z.string().max(200).nullable().optional(),
  store: z.boolean().nullable().optional().describe('false: the response cannot be continued later'),
  stream: z.boolean().nullable().optional(),
  max_output_tokens: z.number().int().min(1).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  offline: z.boolean().optional().describe('riptide extension: force the built-in offline model'),
  tenant_id: identifierSchema.optional().describe('riptide extension: whose memory, costs and budget'),
});
export type CreateResponseRequest = z.output<typeof createResponseRequestSchema>;

const outputTextSchema = z.object({
  type: z.literal('output_text'),
  text: z.string(),
  annotations: z.array(z.unknown()),
});

export const messageOutputSchema = z.object({
  type: z.literal('message'),
  id: z.string(),
  status: z.enum(['completed', 'in_progress', 'incomplete']),
  role: z.literal('assistant'),
  content: z.array(outputTextSchema),
});

export const functionCallOutputSchema = z.object({
  type: z.literal('function_call'),
  id: z.string(),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  status: z.enum(['completed', 'in_progress']),
});

export const responseObjectSchema = z.object({
  id: z.string(),
  object: z.literal('response'),
  created_at: z.number().int(),
  status: z.enum(['completed', 'incomplete', 'in_progress', 'failed']),
  model: z.string(),
  output: z.array(z.union([messageOutputSchema, functionCallOutputSchema])),
  output_text: z.string(),
  instructions: z.string().nullable(),
  previous_response_id: z.string().nullable(),
  store: z.boolean(),
  incomplete_details: z.object({ reason: z.string() }).nullable(),
  error: z.null(),
  parallel_tool_calls: z.boolean(),
  tool_choice: z.unknown(),
  tools: z.array(z.unknown()),
  text: z.object({ format: z.record(z.string(), z.unknown()) }),
  temperature: z.number().nullable(),
  top_p: z.number().nullable(),
  max_output_tokens: z.number().int().nullable(),
  metadata: z.record(z.string(), z.string()),
  usage: z
    .object({
      input_tokens: z.number().int(),
      output_tokens: z.number().int(),
      total_tokens: z.number().int(),
    })
    .nullable(),
});
export type ResponseObject = z.output<typeof responseObjectSchema>;

export const responseStreamEventSchema = z
  .looseObject({ type: z.string(), sequence_number: z.number().int() })
  .describe(
    'One `data:` frame of the typed event stream: response.created, response.in_progress, response.output_item.added, response.content_part.added, response.output_text.delta, response.output_text.done, response.content_part.done, response.function_call_arguments.delta, response.function_call_arguments.done, response.output_item.done, then response.completed (or response.incomplete / error)',
  );
