// The OpenAI chat-completions wire format: request/response schemas and the translation between it
// and riptide runs (last message = task, earlier user/assistant messages = history; answers and
// token deltas back as chat.completion / chat.completion.chunk objects).
import { z } from 'zod';
import { ValidationError } from '../errors/riptide-error.js';
import { identifierSchema } from '../spec/identifier.js';
import type { RunOptionsInput, Sampling } from '../spec/run-options.js';
import type { RunResult } from '../spec/run-result.js';
import type { ConversationTurn } from '../store/store.js';

/** The model id that means "whatever riptide is configured to use". */
export const RIPTIDE_MODEL_ID = 'riptide';

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const chatMessageSchema = z.looseObject({
  role: z.string().describe('system, developer, user, assistant or tool'),
  content: z
    .union([z.string(), z.array(contentPartSchema)])
    .nullable()
    .optional(),
});

// Unknown OpenAI fields (n, stop, tools, user, …) are accepted and ignored: z.object strips them.
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(200).default(RIPTIDE_MODEL_ID).describe('"riptide" or one of GET /v1/models'),
  messages: z
    .array(chatMessageSchema)
    .min(1)
    .describe('The last message is the task; earlier user/assistant messages are history'),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  offline: z.boolean().optional().describe('riptide extension: force the built-in offline model'),
  tenant_id: identifierSchema.optional().describe('riptide extension: whose memory, costs and budget'),
});
export type ChatCompletionRequest = z.output<typeof chatCompletionRequestSchema>;

const usageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
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
      message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
      finish_reason: z.enum(['stop', 'content_filter']),
      logprobs: z.null(),
    }),
  ),
  usage: usageSchema,
});

export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion.chunk'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
        finish_reason: z.enum(['stop', 'content_filter']).nullable(),
      }),
    ),
    usage: usageSchema.nullable().optional(),
  })
  .describe('One `data:` frame; the stream ends with `data: [DONE]`');

export const modelListSchema = z.object({
  object: z.literal('list'),
  data: z.array(
    z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() }),
  ),
});

function messageText(content: z.output<typeof chatMessageSchema>['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
}

/** The run a chat-completions request asks for. `knownModels` decides which `model` values override. */
export function toRunRequest(
  body: ChatCompletionRequest,
  knownModels: readonly string[],
): { options: RunOptionsInput; history: ConversationTurn[] } {
  const last = body.messages[body.messages.length - 1];
  const task = messageText(last.content).trim();
  if (!task) {
    throw new ValidationError([`body.messages.${body.messages.length - 1}.content: the last message needs text`]);
  }
  const history: ConversationTurn[] = [];
  for (const message of body.messages.slice(0, -1)) {
    const text = messageText(message.content);
    if ((message.role === 'user' || message.role === 'assistant') && text) {
      history.push({ role: message.role, content: text });
    }
  }
  const sampling: Sampling = {};
  if (body.temperature != null) sampling.temperature = body.temperature;
  if (body.top_p != null) sampling.top_p = body.top_p;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens != null) sampling.max_tokens = maxTokens;
  if (body.seed != null) sampling.seed = body.seed;
  // Clients often send a fixed model name; only names this server serves override the configured one.
  const model = body.model !== RIPTIDE_MODEL_ID && knownModels.includes(body.model) ? body.model : null;
  return {
    options: {
      task,
      tenant_id: body.tenant_id ?? 'default',
      offline: body.offline ?? false,
      model,
      sampling: Object.keys(sampling).length > 0 ? sampling : null,
    },
    history,
  };
}

export function finishReason(result: RunResult): 'stop' | 'content_filter' {
  return result.blocked ? 'content_filter' : 'stop';
}

export function completionOf(result: RunResult, model: string, created: number): z.output<typeof chatCompletionSchema> {
  return {
    id: `chatcmpl-${result.thread_id}`,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: result.final_answer, refusal: null },
        finish_reason: finishReason(result),
        logprobs: null,
      },
    ],
    usage: result.metrics.usage,
  };
}

/** Builds the chunks of one streamed completion. */
export function chunkFactory(id: string, model: string, created: number, includeUsage: boolean) {
  const base = { id, object: 'chat.completion.chunk' as const, created, model };
  const usageField = includeUsage ? { usage: null } : {};
  return {
    delta(delta: { role?: 'assistant'; content?: string }, finish: 'stop' | 'content_filter' | null = null) {
      return { ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usageField };
    },
    usage(usage: z.output<typeof usageSchema>) {
      return { ...base, choices: [], usage };
    },
  };
}
