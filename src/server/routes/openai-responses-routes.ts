// POST /v1/responses: the OpenAI Responses API over riptide runs — input text or items (with
// function_call_output answering a paused run's function calls), instructions, function tools,
// text.format for structured output, previous_response_id continuing a stored response, and
// `stream: true` with the typed event stream the OpenAI SDKs accumulate.
import { randomUUID } from 'node:crypto';
import { RiptideError } from '../../errors/riptide-error.js';
import { isPending } from '../../spec/run-result.js';
import { abortOnDisconnect } from '../abort-on-disconnect.js';
import { openAiErrorResponses } from '../error-schemas.js';
import { createAnswerLimiter } from '../openai-answer-limits.js';
import { failureOf, pausedUsage, runTurn, streamTurn } from '../openai-run-turn.js';
import {
  type CreateResponseRequest,
  createResponseRequestSchema,
  responseObjectSchema,
  responseStreamEventSchema,
} from '../responses/responses-schemas.js';
import {
  functionCallItems,
  messageItem,
  type ResponseShell,
  responseAnswer,
  responseIdOf,
  responseObject,
  responsesUsage,
  toResponsesTurn,
} from '../responses/responses-turn.js';
import { openAiStreamError } from './openai-routes.js';
import type { RoutePlugin } from './route-plugin.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

export const openAiResponsesRoutes: RoutePlugin = async (app, { riptide, sse }) => {
  app.post(
    '/v1/responses',
    {
      config: { startsRun: true },
      schema: {
        tags: ['openai'],
        operationId: 'createResponse',
        summary: 'Responses (OpenAI-compatible)',
        description:
          'The OpenAI Responses API. `input` is the task as text, or items (messages, `function_call`, `function_call_output`); system/developer items and `instructions` reach every model call. Function `tools` are offered to the run’s workers: when one is called the response carries `function_call` output items and the run pauses durably; a request whose `function_call_output` items answer those `call_id`s continues it (from any process). `text.format` (`json_schema`, `json_object`) is the run’s final_schema and the output text is the JSON. `previous_response_id` continues the conversation of a stored response (`store: false` responses cannot be continued). `max_output_tokens` cuts the answer (`status: "incomplete"`). With `stream: true`: typed events `response.created`, `response.in_progress`, `response.output_item.added`, `response.content_part.added`, `response.output_text.delta`/`.done`, `response.function_call_arguments.delta`/`.done`, `response.output_item.done`, `response.completed` (or `response.incomplete`). Extensions: `offline`, `tenant_id`.',
        body: createResponseRequestSchema,
        response: {
          200: {
            description: 'The response, or its typed event stream when `stream` is true',
            content: {
              'application/json': { schema: responseObjectSchema },
              'text/event-stream': { schema: responseStreamEventSchema },
            },
          },
          ...openAiErrorResponses(400, 402, 404, 502),
        },
      },
    },
    async (request, reply) => {
      const body: CreateResponseRequest = request.body;
      const turn = await toResponsesTurn(riptide, request, body);
      const threadId = turn.plan.kind === 'resume' ? turn.plan.threadId : randomUUID();
      turn.threadId = threadId;
      const shell: ResponseShell = { id: responseIdOf(threadId, body.store ?? true), created_at: nowSeconds(), body };

      if (!body.stream) {
        const controller = abortOnDisconnect(reply);
        const outcome = await runTurn(riptide, request, turn, controller.signal);
        if (isPending(outcome)) {
          const usage = responsesUsage(await pausedUsage(riptide, outcome.thread_id));
          return responseObject(shell, { status: 'completed', output: functionCallItems(outcome), usage });
        }
        const failure = failureOf(outcome);
        if (failure) throw failure;
        const answer = responseAnswer(outcome, turn);
        if (turn.structured && !answer.text && !outcome.blocked) {
          throw new RiptideError('model_error', 'the model gave no JSON object valid against text.format');
        }
        return responseObject(shell, {
          status: answer.cut ? 'incomplete' : 'completed',
          incomplete: answer.cut ? 'max_output_tokens' : null,
          output: [messageItem(answer.text)],
          usage: responsesUsage(outcome.metrics.usage),
        });
      }

      const source = await streamTurn(riptide, request, turn);
      const limiter = createAnswerLimiter(turn.limits);
      const message = messageItem('');
      const text = message.content[0];
      let sequence = 0;
      let started = false;
      let messageOpen = false;
      return sse.pipe(
        request,
        reply,
        source,
        async (event, stream) => {
          const send = (type: string, fields: Record<string, unknown>) =>
            stream.sendRaw(JSON.stringify({ type, sequence_number: sequence++, ...fields }));
          const openMessage = () => {
            if (messageOpen) return;
            messageOpen = true;
            send('response.output_item.added', {
              output_index: 0,
              item: { ...message, status: 'in_progress', content: [] },
            });
            send('response.content_part.added', {
              item_id: message.id,
              output_index: 0,
              content_index: 0,
              part: { type: 'output_text', text: '', annotations: [] },
            });
          };
          const sendDelta = (delta: string) => {
            if (!delta) return;
            openMessage();
            text.text += delta;
            send('response.output_text.delta', {
              item_id: message.id,
              output_index: 0,
              content_index: 0,
              delta,
              logprobs: [],
            });
          };
          if (!started) {
            started = true;
            const shellObject = responseObject(shell, { status: 'in_progress', output: [], usage: null });
            send('response.created', { response: shellObject });
            send('response.in_progress', { response: shellObject });
          }
          if (event.event === 'token' && event.text && !turn.structured) {
            sendDelta(limiter.push(event.text));
            return;
          }
          if (event.event === 'pending') {
            const pending = { status: 'pending_approval' as const, thread_id: event.thread_id, action: event.action };
            const items = functionCallItems(pending);
            for (const [index, item] of items.entries()) {
              send('response.output_item.added', {
                output_index: index,
                item: { ...item, arguments: '', status: 'in_progress' },
              });
              send('response.function_call_arguments.delta', {
                item_id: item.id,
                output_index: index,
                delta: item.arguments,
              });
              send('response.function_call_arguments.done', {
                item_id: item.id,
                output_index: index,
                name: item.name,
                arguments: item.arguments,
              });
              send('response.output_item.done', { output_index: index, item });
            }
            const usage = responsesUsage(await pausedUsage(riptide, event.thread_id));
            send('response.completed', {
              response: responseObject(shell, { status: 'completed', output: items, usage }),
            });
            stream.end();
            return;
          }
          if (event.event !== 'result') return;
          const failure = failureOf(event.result);
          if (failure) throw failure;
          let cut = false;
          if (turn.structured || event.result.blocked || text.text === '') {
            // Structured output, blocked runs and answers that were not streamed arrive whole.
            const answer = responseAnswer(event.result, turn);
            if (turn.structured && !answer.text && !event.result.blocked) {
              throw new RiptideError('model_error', 'the model gave no JSON object valid against text.format');
            }
            openMessage();
            sendDelta(answer.text);
            cut = answer.cut;
          } else {
            const end = limiter.end();
            sendDelta(end.rest);
            cut = end.cut === 'length';
          }
          openMessage();
          send('response.output_text.done', {
            item_id: message.id,
            output_index: 0,
            content_index: 0,
            text: text.text,
            logprobs: [],
          });
          send('response.content_part.done', { item_id: message.id, output_index: 0, content_index: 0, part: text });
          send('response.output_item.done', { output_index: 0, item: message });
          const final = responseObject(shell, {
            status: cut ? 'incomplete' : 'completed',
            incomplete: cut ? 'max_output_tokens' : null,
            output: [message],
            usage: responsesUsage(event.result.metrics.usage),
          });
          send(cut ? 'response.incomplete' : 'response.completed', { response: final });
          stream.end();
        },
        (error) => {
          const { message, code, param } = openAiStreamError(error).error;
          return { type: 'error', sequence_number: sequence++, message, code, param };
        },
      );
    },
  );
};
