// A Responses API request → the riptide turn it asks for (input items and the conversation of
// `previous_response_id` read as one conversation; tools, text.format, instructions as run options),
// and a finished or paused run → the response object. A response id names its run unless the
// request said `store: false`, so only stored responses can be continued.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Riptide } from '../../riptide-types.js';
import type { ClientTool, ClientToolChoice } from '../../spec/client-tools.js';
import type { ExtendedRunOptionsInput } from '../../spec/run-options.js';
import type { PendingRun, RunResult } from '../../spec/run-result.js';
import { type AnswerLimits, limitAnswer } from '../openai-answer-limits.js';
import { clientToolOptions, finalSchemaOf, modelOverride, samplingOf } from '../openai-chat.js';
import { type ConversationItem, planConversationTurn } from '../openai-conversation.js';
import { OpenAiParamError } from '../openai-errors.js';
import type { TurnRequest } from '../openai-run-turn.js';
import { tenantScope } from '../security/request-principal.js';
import type { CreateResponseRequest, ResponseInputItem, ResponseObject, ResponseTool } from './responses-schemas.js';

const THREAD_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STORED_RESPONSE_ID = new RegExp(`^resp_(${THREAD_ID})_[0-9a-f]+$`);

export function responseIdOf(threadId: string, store: boolean): string {
  const suffix = randomUUID().replace(/-/g, '');
  return store ? `resp_${threadId}_${suffix.slice(0, 12)}` : `resp_${suffix}`;
}

function partsText(content: ResponseInputItem['content'] | ResponseInputItem['output']): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

function itemsOf(input: CreateResponseRequest['input']): ConversationItem[] {
  if (typeof input === 'string') return [{ kind: 'message', role: 'user', text: input, param: 'input' }];
  return input.map((item, index): ConversationItem => {
    const param = `input[${index}]`;
    const type = item.type ?? 'message';
    if (type === 'function_call') {
      if (!item.call_id || !item.name) throw new OpenAiParamError(param, 'a function_call item needs call_id and name');
      return { kind: 'tool_call', id: item.call_id, name: item.name, arguments: item.arguments ?? '{}' };
    }
    if (type === 'function_call_output') {
      if (!item.call_id) throw new OpenAiParamError(`${param}.call_id`, 'a function_call_output item needs call_id');
      return { kind: 'tool_result', callId: item.call_id, output: partsText(item.output) };
    }
    if (type !== 'message') throw new OpenAiParamError(`${param}.type`, `unsupported input item type '${type}'`);
    const text = partsText(item.content);
    switch (item.role) {
      case 'system':
      case 'developer':
        return { kind: 'instructions', text };
      case 'user':
      case 'assistant':
        return { kind: 'message', role: item.role, text, param };
      default:
        throw new OpenAiParamError(
          `${param}.role`,
          `unknown role '${item.role}' (system, developer, user or assistant)`,
        );
    }
  });
}

/** The conversation a stored response ended with: its run's history, task and answer. */
async function previousItems(riptide: Riptide, request: FastifyRequest, id: string): Promise<ConversationItem[]> {
  const threadId = STORED_RESPONSE_ID.exec(id)?.[1];
  const record = threadId ? await riptide.store.getRun(threadId) : undefined;
  const scope = tenantScope(request);
  if (!record || (scope !== null && record.tenant_id !== scope)) {
    throw new OpenAiParamError('previous_response_id', `no stored response '${id}'`);
  }
  const param = 'previous_response_id';
  const items: ConversationItem[] = record.history.map((turn) => ({
    kind: 'message',
    role: turn.role,
    text: turn.content,
    param,
  }));
  items.push({ kind: 'message', role: 'user', text: record.task, param });
  if (record.result?.final_answer) {
    items.push({ kind: 'message', role: 'assistant', text: record.result.final_answer, param });
  }
  return items;
}

function clientToolsOf(tools: ResponseTool[] | null | undefined): ClientTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool, index) => {
    if (tool.type !== 'function') {
      throw new OpenAiParamError(`tools[${index}].type`, `only function tools are supported, not '${tool.type}'`);
    }
    if (!tool.name || !/^[A-Za-z0-9_-]{1,64}$/.test(tool.name)) {
      throw new OpenAiParamError(`tools[${index}].name`, 'a function name is 1–64 characters of A-Za-z0-9_-');
    }
    return {
      name: tool.name,
      description: tool.description ?? '',
      parameters: tool.parameters ?? { type: 'object', properties: {} },
    };
  });
}

function toolChoiceOf(body: CreateResponseRequest, tools: ClientTool[] | undefined): ClientToolChoice | undefined {
  const choice = body.tool_choice;
  if (choice == null) return undefined;
  if (typeof choice === 'string') {
    if (choice === 'required' && !tools) throw new OpenAiParamError('tool_choice', 'tool_choice needs `tools`');
    return choice;
  }
  if (choice.type !== 'function' || !choice.name || !tools?.some((tool) => tool.name === choice.name)) {
    throw new OpenAiParamError('tool_choice', 'tool_choice names no function of `tools`');
  }
  return { name: choice.name };
}

export interface ResponsesTurn extends TurnRequest {
  limits: AnswerLimits;
  structured: boolean;
}

export async function toResponsesTurn(
  riptide: Riptide,
  request: FastifyRequest,
  body: CreateResponseRequest,
): Promise<ResponsesTurn> {
  const prior = body.previous_response_id ? await previousItems(riptide, request, body.previous_response_id) : [];
  const plan = planConversationTurn([...prior, ...itemsOf(body.input)], 'input');
  const instructions = [body.instructions, plan.instructions].filter(Boolean).join('\n\n') || null;
  const client_tools = clientToolsOf(body.tools);
  const tool_choice = toolChoiceOf(body, client_tools);
  const format = body.text?.format;
  let final_schema: Record<string, unknown> | null = null;
  if (format?.type === 'json_object') final_schema = { type: 'object' };
  if (format?.type === 'json_schema') {
    if (!format.schema) throw new OpenAiParamError('text.format.schema', 'json_schema needs a schema');
    final_schema = finalSchemaOf(format.schema);
  }
  const maxTokens = body.max_output_tokens ?? null;
  const sampling = samplingOf(body);
  const options: Omit<ExtendedRunOptionsInput, 'task'> = {
    tenant_id: body.tenant_id ?? 'default',
    offline: body.offline ?? false,
    model: modelOverride(body.model, riptide.models.listModels()),
    sampling: maxTokens !== null ? { ...(sampling ?? {}), max_tokens: maxTokens } : sampling,
    final_schema,
    ...clientToolOptions(client_tools, tool_choice),
  };
  return {
    plan: { ...plan, instructions },
    options,
    limits: { maxTokens, stop: [] },
    structured: final_schema !== null,
  };
}

/** The answer text of a finished run on this surface and whether max_output_tokens cut it. */
export function responseAnswer(result: RunResult, turn: ResponsesTurn): { text: string; cut: boolean } {
  if (turn.structured && !result.blocked) {
    if (result.structured == null) return { text: '', cut: false };
    return { text: JSON.stringify(result.structured), cut: false };
  }
  const limited = limitAnswer(result.final_answer, turn.limits);
  return { text: limited.text, cut: limited.cut === 'length' };
}

export interface ResponseShell {
  id: string;
  created_at: number;
  body: CreateResponseRequest;
}

/** The response object around some output (the fields a client reads back from its request). */
export function responseObject(
  shell: ResponseShell,
  fields: Pick<ResponseObject, 'status' | 'output' | 'usage'> & { incomplete?: string | null },
): ResponseObject {
  const { body } = shell;
  const outputText = fields.output
    .flatMap((item) => (item.type === 'message' ? item.content.map((part) => part.text) : []))
    .join('');
  return {
    id: shell.id,
    object: 'response',
    created_at: shell.created_at,
    status: fields.status,
    model: body.model,
    output: fields.output,
    output_text: outputText,
    instructions: body.instructions ?? null,
    previous_response_id: body.previous_response_id ?? null,
    store: body.store ?? true,
    incomplete_details: fields.incomplete ? { reason: fields.incomplete } : null,
    error: null,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    text: { format: body.text?.format ?? { type: 'text' } },
    temperature: body.temperature ?? null,
    top_p: body.top_p ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    metadata: body.metadata ?? {},
    usage: fields.usage,
  };
}

export type FunctionCallItem = Extract<ResponseObject['output'][number], { type: 'function_call' }>;

export function functionCallItems(pending: PendingRun): FunctionCallItem[] {
  if (pending.action.type !== 'client_tool_calls') return [];
  return pending.action.tool_calls.map((call) => ({
    type: 'function_call' as const,
    id: `fc_${call.id}`,
    call_id: call.id,
    name: call.name,
    arguments: call.arguments,
    status: 'completed' as const,
  }));
}

export function messageItem(text: string, id = `msg_${randomUUID().replace(/-/g, '')}`) {
  return {
    type: 'message' as const,
    id,
    status: 'completed' as const,
    role: 'assistant' as const,
    content: [{ type: 'output_text' as const, text, annotations: [] }],
  };
}

export function responsesUsage(usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }) {
  return {
    input_tokens: usage.prompt_tokens,
    output_tokens: usage.completion_tokens,
    total_tokens: usage.total_tokens,
  };
}
