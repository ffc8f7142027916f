// The OpenAI chat-completions wire format: request/response schemas and the translation between it
// and riptide runs — system/developer messages become the run's instructions, the last user message
// the task, earlier turns the conversation; `tools` become client tools, `response_format` the
// final_schema; trailing `tool` messages answer a paused run's client tool calls. Answers and token
// deltas go back as chat.completion / chat.completion.chunk objects.
import { z } from 'zod';
import type { ClientTool, ClientToolChoice } from '../spec/client-tools.js';
import { identifierSchema } from '../spec/identifier.js';
import type { ExtendedRunOptionsInput, Sampling } from '../spec/run-options.js';
import type { PendingRun } from '../spec/run-result.js';
import type { AnswerLimits } from './openai-answer-limits.js';
import { type ConversationItem, planConversationTurn } from './openai-conversation.js';
import { OpenAiParamError } from './openai-errors.js';
import type { TurnRequest } from './openai-run-turn.js';

/** The model id that means "whatever riptide is configured to use". */
export const RIPTIDE_MODEL_ID = 'riptide';

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string().default('') }),
});

const chatMessageSchema = z.looseObject({
  role: z.string().describe('system, developer, user, assistant or tool'),
  content: z
    .union([z.string(), z.array(contentPartSchema)])
    .nullable()
    .optional(),
  tool_calls: z.array(messageToolCallSchema).nullable().optional(),
  tool_call_id: z.string().optional().describe('On a `tool` message: the id of the call it answers'),
});

const functionToolSchema = z.looseObject({
  type: z.string().describe('"function"'),
  function: z
    .looseObject({
      name: z.string(),
      description: z.string().optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    })
    .optional()
    .describe('Required for function tools; other tool types are a 400'),
});

const toolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.string(), function: z.object({ name: z.string() }) }),
]);

const responseFormatSchema = z.looseObject({
  type: z.enum(['text', 'json_object', 'json_schema']),
  json_schema: z
    .looseObject({
      name: z.string().optional(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    })
    .optional(),
});

// Unknown OpenAI fields (user, logit_bias, …) are accepted and ignored: z.object strips them.
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(200).default(RIPTIDE_MODEL_ID).describe('"riptide" or one of GET /v1/models'),
  messages: z
    .array(chatMessageSchema)
    .min(1)
    .describe(
      'system/developer messages are instructions for every model call; the last user message is the task; earlier turns are context. Trailing `tool` messages answering riptide tool calls continue that run.',
    ),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  n: z.number().int().min(1).nullable().optional().describe('Only 1 is supported; more is a 400'),
  stop: z
    .union([z.string(), z.array(z.string()).max(4)])
    .nullable()
    .optional(),
  tools: z.array(functionToolSchema).max(128).nullable().optional().describe('Client-side functions'),
  tool_choice: toolChoiceSchema.nullable().optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  response_format: responseFormatSchema.nullable().optional(),
  offline: z.boolean().optional().describe('riptide extension: force the built-in offline model'),
  tenant_id: identifierSchema.optional().describe('riptide extension: whose memory, costs and budget'),
});
export type ChatCompletionRequest = z.output<typeof chatCompletionRequestSchema>;

export const usageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
});
export type OpenAiUsage = z.output<typeof usageSchema>;

export const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

const toolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

export const chatCompletionSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  system_fingerprint: z.null(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({
        role: z.literal('assistant'),
        content: z.string().nullable(),
        refusal: z.null(),
        tool_calls: z.array(toolCallSchema).optional(),
      }),
      finish_reason: z.enum(FINISH_REASONS),
      logprobs: z.null(),
    }),
  ),
  usage: usageSchema,
});

const deltaToolCallSchema = z.object({
  index: z.number().int(),
  id: z.string().optional(),
  type: z.literal('function').optional(),
  function: z.object({ name: z.string().optional(), arguments: z.string().optional() }),
});
type DeltaToolCall = z.output<typeof deltaToolCallSchema>;

export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion.chunk'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        delta: z.object({
          role: z.literal('assistant').optional(),
          content: z.string().optional(),
          tool_calls: z.array(deltaToolCallSchema).optional(),
        }),
        finish_reason: z.enum(FINISH_REASONS).nullable(),
      }),
    ),
    usage: usageSchema.nullable().optional(),
  })
  .describe('One `data:` frame; the stream ends with `data: [DONE]`');

export const modelSchema = z.object({
  id: z.string(),
  object: z.literal('model'),
  created: z.number().int(),
  owned_by: z.string(),
});

export const modelListSchema = z.object({ object: z.literal('list'), data: z.array(modelSchema) });

type ChatMessage = z.output<typeof chatMessageSchema>;
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

function messageText(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content
    .filter((part) => typeof part.text === 'string' && (part.type === 'text' || part.type === 'input_text'))
    .map((part) => part.text)
    .join('');
}

function conversationItems(messages: readonly ChatMessage[]): ConversationItem[] {
  return messages.flatMap((message, index): ConversationItem[] => {
    const param = `messages[${index}]`;
    const text = messageText(message.content);
    switch (message.role) {
      case 'system':
      case 'developer':
        return [{ kind: 'instructions', text }];
      case 'user':
        return [{ kind: 'message', role: 'user', text, param }];
      case 'assistant':
        return [
          { kind: 'message', role: 'assistant', text, param },
          ...(message.tool_calls ?? []).map((call) => ({
            kind: 'tool_call' as const,
            id: call.id,
            name: call.function.name,
            arguments: call.function.arguments,
          })),
        ];
      case 'tool':
        if (!message.tool_call_id)
          throw new OpenAiParamError(`${param}.tool_call_id`, 'a tool message needs tool_call_id');
        return [{ kind: 'tool_result', callId: message.tool_call_id, output: text }];
      default:
        throw new OpenAiParamError(
          `${param}.role`,
          `unknown role '${message.role}' (system, developer, user, assistant or tool)`,
        );
    }
  });
}

export function clientToolsOf(
  tools: z.output<typeof functionToolSchema>[] | null | undefined,
  param = 'tools',
): ClientTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool, index) => {
    if (tool.type !== 'function') {
      throw new OpenAiParamError(`${param}[${index}].type`, `only function tools are supported, not '${tool.type}'`);
    }
    if (!tool.function || !/^[A-Za-z0-9_-]{1,64}$/.test(tool.function.name)) {
      throw new OpenAiParamError(
        `${param}[${index}].function.name`,
        'a function name is 1–64 characters of A-Za-z0-9_-',
      );
    }
    return {
      name: tool.function.name,
      description: tool.function.description ?? '',
      parameters: tool.function.parameters ?? { type: 'object', properties: {} },
    };
  });
}

export function clientToolChoiceOf(
  choice: z.output<typeof toolChoiceSchema> | null | undefined,
  tools: ClientTool[] | undefined,
): ClientToolChoice | undefined {
  if (choice == null) return undefined;
  const name = typeof choice === 'string' ? null : choice.function.name;
  if (choice !== 'none' && choice !== 'auto' && !tools) {
    throw new OpenAiParamError('tool_choice', 'tool_choice needs `tools`');
  }
  if (name !== null) {
    if (!tools?.some((tool) => tool.name === name)) {
      throw new OpenAiParamError('tool_choice', `no tool named '${name}' in \`tools\``);
    }
    return { name };
  }
  return choice as ClientToolChoice;
}

/**
 * Client tools, tool_choice, and room for agent loops: a worker that got the caller's results may
 * call again or answer (react steps), as an OpenAI model in a tool loop would.
 */
export function clientToolOptions(
  client_tools: ClientTool[] | undefined,
  tool_choice: ClientToolChoice | undefined,
): Partial<ExtendedRunOptionsInput> {
  if (!client_tools) return {};
  return { client_tools, react_steps: CLIENT_TOOL_REACT_STEPS, ...(tool_choice ? { tool_choice } : {}) };
}

const CLIENT_TOOL_REACT_STEPS = 4;

/** A JSON Schema as final_schema: `$schema` dropped, since clients name drafts riptide's validator need not know. */
export function finalSchemaOf(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _draft, ...rest } = schema;
  return rest;
}

function finalSchemaOfFormat(format: ChatCompletionRequest['response_format']): Record<string, unknown> | null {
  if (!format || format.type === 'text') return null;
  if (format.type === 'json_object') return { type: 'object' };
  const schema = format.json_schema?.schema;
  if (!schema) throw new OpenAiParamError('response_format.json_schema.schema', 'json_schema needs a schema');
  return finalSchemaOf(schema);
}

export function samplingOf(body: {
  temperature?: number | null;
  top_p?: number | null;
  seed?: number | null;
}): Sampling | null {
  const sampling: Sampling = {};
  if (body.temperature != null) sampling.temperature = body.temperature;
  if (body.top_p != null) sampling.top_p = body.top_p;
  if (body.seed != null) sampling.seed = body.seed;
  return Object.keys(sampling).length > 0 ? sampling : null;
}

/** Clients often send a fixed model name; only names this server serves override the configured one. */
export function modelOverride(model: string, knownModels: readonly string[]): string | null {
  return model !== RIPTIDE_MODEL_ID && knownModels.includes(model) ? model : null;
}

/** The turn a chat-completions request asks for, and how to cut its answer. */
export function toTurnRequest(
  body: ChatCompletionRequest,
  knownModels: readonly string[],
): TurnRequest & { limits: AnswerLimits; structured: boolean } {
  if (body.n != null && body.n > 1) throw new OpenAiParamError('n', 'only n = 1 is supported');
  for (const [index, message] of body.messages.entries()) {
    if (!ROLES.has(message.role)) {
      throw new OpenAiParamError(
        `messages[${index}].role`,
        `unknown role '${message.role}' (system, developer, user, assistant or tool)`,
      );
    }
  }
  const plan = planConversationTurn(conversationItems(body.messages), 'messages');
  const client_tools = clientToolsOf(body.tools);
  const tool_choice = clientToolChoiceOf(body.tool_choice, client_tools);
  const final_schema = finalSchemaOfFormat(body.response_format);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? null;
  const sampling = samplingOf(body);
  const options: Omit<ExtendedRunOptionsInput, 'task'> = {
    tenant_id: body.tenant_id ?? 'default',
    offline: body.offline ?? false,
    model: modelOverride(body.model, knownModels),
    sampling: maxTokens !== null ? { ...(sampling ?? {}), max_tokens: maxTokens } : sampling,
    final_schema,
    ...clientToolOptions(client_tools, tool_choice),
  };
  const stop = body.stop == null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop;
  return { plan, options, limits: { maxTokens, stop: stop.filter(Boolean) }, structured: final_schema !== null };
}

export function toolCallsOf(pending: PendingRun): z.output<typeof toolCallSchema>[] {
  if (pending.action.type !== 'client_tool_calls') return [];
  return pending.action.tool_calls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

export function completionOf(input: {
  id: string;
  model: string;
  created: number;
  content: string | null;
  finish: FinishReason;
  usage: OpenAiUsage;
  toolCalls?: z.output<typeof toolCallSchema>[];
}): z.output<typeof chatCompletionSchema> {
  return {
    id: input.id,
    object: 'chat.completion',
    created: input.created,
    model: input.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: input.content,
          refusal: null,
          ...(input.toolCalls && input.toolCalls.length > 0 ? { tool_calls: input.toolCalls } : {}),
        },
        finish_reason: input.finish,
        logprobs: null,
      },
    ],
    usage: input.usage,
  };
}

/** Builds the chunks of one streamed completion. */
export function chunkFactory(id: string, model: string, created: number, includeUsage: boolean) {
  const base = { id, object: 'chat.completion.chunk' as const, created, model };
  const usageField = includeUsage ? { usage: null } : {};
  return {
    delta(
      delta: { role?: 'assistant'; content?: string; tool_calls?: DeltaToolCall[] },
      finish: FinishReason | null = null,
    ) {
      return { ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usageField };
    },
    usage(usage: OpenAiUsage) {
      return { ...base, choices: [], usage };
    },
  };
}
