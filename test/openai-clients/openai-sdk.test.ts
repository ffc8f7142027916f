// The official `openai` SDK, unmodified, against a real riptide server on an ephemeral port: client
// tool round trips (plain, parallel, streamed), the Responses API (create, stream, function calls,
// previous_response_id), structured output, answer limits, models, and OpenAI-shaped bad requests.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockLanguageModel } from '../../src/testing/index.js';
import { type ListeningServer, openListeningServer } from './listening-server.js';

const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const WEATHER = '{"temperature_c": 18, "sky": "sunny"}';
const PLAN_ONE = (task: string) => JSON.stringify({ subtasks: [{ subtask: task, depends_on: [] }] });

describe('openai SDK against riptide (offline model)', () => {
  let server: ListeningServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await openListeningServer();
    client = new OpenAI({ baseURL: server.baseURL, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('round-trips a client tool call: tool_calls, then the tool result continues the same run', async () => {
    const question = { role: 'user' as const, content: 'What is the weather in Paris?' };
    const first = await client.chat.completions.create({
      model: 'riptide',
      messages: [question],
      tools: [WEATHER_TOOL],
    });
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    const [call] = first.choices[0].message.tool_calls ?? [];
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' });
    const threadId = call.id.slice('call_'.length, 'call_'.length + 36);
    expect((await server.riptide.runs.getRun(threadId))?.status).toBe('pending_approval');

    const second = await client.chat.completions.create({
      model: 'riptide',
      messages: [question, first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: WEATHER }],
      tools: [WEATHER_TOOL],
    });
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(second.choices[0].message.content).toContain('18');
    const finished = await server.riptide.runs.getRun(threadId);
    expect(finished).toMatchObject({ status: 'completed' });
    // The same result twice is a resume of a run that is no longer waiting: a 400, not a second run.
    await expect(
      client.chat.completions.create({
        model: 'riptide',
        messages: [question, first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: WEATHER }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('streams tool calls as delta.tool_calls and the continued answer as content deltas', async () => {
    const question = { role: 'user' as const, content: 'What is the weather in Berlin?' };
    const stream = await client.chat.completions.create({
      model: 'riptide',
      messages: [question],
      tools: [WEATHER_TOOL],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta.ToolCall[] = [];
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined = null;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        deltas.push(...(choice.delta.tool_calls ?? []));
        finish = choice.finish_reason ?? finish;
      }
      usage = chunk.usage ?? usage;
    }
    expect(finish).toBe('tool_calls');
    expect(usage?.total_tokens).toBeGreaterThan(0);
    const id = deltas.find((delta) => delta.id)?.id as string;
    expect(deltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather' } });
    const args = deltas.map((delta) => delta.function?.arguments ?? '').join('');
    expect(JSON.parse(args)).toEqual({ city: 'Berlin' });

    const followUp = await client.chat.completions.create({
      model: 'riptide',
      messages: [
        question,
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id, type: 'function', function: { name: 'get_weather', arguments: args } }],
        },
        { role: 'tool', tool_call_id: id, content: WEATHER },
      ],
      tools: [WEATHER_TOOL],
      stream: true,
    });
    let text = '';
    let contentChunks = 0;
    for await (const chunk of followUp) {
      const content = chunk.choices[0]?.delta.content;
      if (content) {
        text += content;
        contentChunks += 1;
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(finish).toBe('stop');
    expect(contentChunks).toBeGreaterThan(0);
    expect(text).toContain('18');
  });

  it('tool_choice "none" offers no client tool; an unknown function name in tool_choice is a 400', async () => {
    const none = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [WEATHER_TOOL],
      tool_choice: 'none',
    });
    expect(none.choices[0].finish_reason).toBe('stop');
    expect(none.choices[0].message.tool_calls).toBeUndefined();
    const error = await client.chat.completions
      .create({
        model: 'riptide',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [WEATHER_TOOL],
        tool_choice: { type: 'function', function: { name: 'nope' } },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('tool_choice');
  });

  it('gives structured output through response_format json_schema (strict) and json_object', async () => {
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' }, value: { type: 'number' } },
      required: ['answer', 'value'],
      additionalProperties: false,
    };
    const completion = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      response_format: { type: 'json_schema', json_schema: { name: 'result', schema, strict: true } },
    });
    const parsed = JSON.parse(completion.choices[0].message.content ?? '');
    expect(parsed).toEqual({ answer: expect.any(String), value: 42 });
    const loose = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      response_format: { type: 'json_object' },
    });
    expect(typeof JSON.parse(loose.choices[0].message.content ?? '')).toBe('object');
  });

  it('cuts the answer at max_tokens (finish_reason "length") and at a stop sequence', async () => {
    const long = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'count the words in "one two three four five six seven eight"' }],
    });
    expect(long.choices[0].message.content?.length ?? 0).toBeGreaterThan(5);
    const cut = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'count the words in "one two three four five six seven eight"' }],
      max_tokens: 1,
    });
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.choices[0].message.content?.length).toBeLessThan(long.choices[0].message.content?.length ?? 0);
    const stopped = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      stop: ['='],
    });
    expect(stopped.choices[0].finish_reason).toBe('stop');
    expect(stopped.choices[0].message.content).not.toContain('=');
  });

  it('answers conversational follow-ups from the conversation, not from a tool that does not fit', async () => {
    const history: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'compute 21 * 2' },
      { role: 'assistant', content: '21 * 2 = 42' },
    ];
    const recall = await client.chat.completions.create({
      model: 'riptide',
      messages: [...history, { role: 'user', content: 'what did I say before?' }],
    });
    expect(recall.choices[0].message.content).toContain('compute 21 * 2');
    const plusOne = await client.chat.completions.create({
      model: 'riptide',
      messages: [...history, { role: 'user', content: 'now compute that plus 1' }],
    });
    expect(plusOne.choices[0].message.content).toContain('43');
    expect(plusOne.choices[0].message.content).not.toMatch(/ERROR/);
  });

  it('answers bad requests with OpenAI-shaped 400s naming the parameter', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ messages: [{ role: 'user', content: 'hi' }], n: 2 }, 'n'],
      [{ messages: [{ role: 'wizard', content: 'hi' }] }, 'messages[0].role'],
      [{ messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'retrieval' }] }, 'tools[0].type'],
    ];
    for (const [body, param] of cases) {
      const error = await client.chat.completions
        .create({ model: 'riptide', ...body } as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe(param);
    }
  });

  it('retrieves a model by id, and 404s an unknown one', async () => {
    const model = await client.models.retrieve('riptide');
    expect(model).toMatchObject({ id: 'riptide', object: 'model', owned_by: 'riptide' });
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('responses.create: function_call output, function_call_output continues it via previous_response_id', async () => {
    const tools = [{ type: 'function' as const, strict: false, ...WEATHER_TOOL.function }];
    const first = await client.responses.create({ model: 'riptide', input: 'What is the weather in Rome?', tools });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather' });
    if (call?.type !== 'function_call') throw new Error('no function call');
    expect(JSON.parse(call.arguments)).toEqual({ city: 'Rome' });

    const second = await client.responses.create({
      model: 'riptide',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: WEATHER }],
      tools,
    });
    expect(second.status).toBe('completed');
    expect(second.output_text).toContain('18');
    expect(second.previous_response_id).toBe(first.id);

    // A response stored with store:false cannot be continued.
    const unstored = await client.responses.create({ model: 'riptide', input: 'compute 2 + 2', store: false });
    expect(unstored.output_text).toContain('4');
    const error = await client.responses
      .create({ model: 'riptide', previous_response_id: unstored.id, input: 'and again' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('previous_response_id');
  });

  it('responses.stream: typed events for function call arguments and for output text', async () => {
    const tools = [{ type: 'function' as const, strict: false, ...WEATHER_TOOL.function }];
    const stream = client.responses.stream({ model: 'riptide', input: 'What is the weather in Oslo?', tools });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types[0]).toBe('response.created');
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types.at(-1)).toBe('response.completed');
    const call = final.output.find((item) => item.type === 'function_call');
    if (call?.type !== 'function_call') throw new Error('no function call');

    const answer = client.responses.stream({
      model: 'riptide',
      previous_response_id: final.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: WEATHER }],
      tools,
    });
    const deltas: string[] = [];
    answer.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const done = await answer.finalResponse();
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(done.output_text);
    expect(done.output_text).toContain('18');
  });

  it('responses with text.format json_schema give the JSON object as the output text', async () => {
    const response = await client.responses.create({
      model: 'riptide',
      input: 'compute 6 * 7',
      text: {
        format: {
          type: 'json_schema',
          name: 'result',
          strict: true,
          schema: {
            type: 'object',
            properties: { value: { type: 'number' } },
            required: ['value'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(JSON.parse(response.output_text)).toEqual({ value: 42 });
  });
});

describe('openai SDK against riptide (scripted model)', () => {
  let server: ListeningServer;
  let client: OpenAI;
  let model: MockLanguageModel;
  beforeAll(async () => {
    model = new MockLanguageModel({
      byPurpose: {
        plan: PLAN_ONE('weather in Paris and Berlin'),
        worker: (call) =>
          call.prompt.includes('divide ten by zero')
            ? { toolCalls: [{ name: 'calculator', arguments: { expression: 'import("fs")' } }] }
            : call.toolResults.length === 0
              ? {
                  toolCalls: [
                    { name: 'get_weather', arguments: { city: 'Paris' } },
                    { name: 'get_weather', arguments: { city: 'Berlin' } },
                  ],
                }
              : `Paris: ${call.toolResults[0].text}; Berlin: ${call.toolResults[1].text}`,
        finalize: (call) =>
          call.prompt
            .split('\n')
            .filter((line) => line.includes('Paris:'))
            .join(' ') || 'none',
        reflect: JSON.stringify({ lesson: 'Ask the weather tool per city.', tags: ['weather'] }),
      },
      fallback: 'ok',
    });
    server = await openListeningServer({ languageModel: model });
    client = new OpenAI({ baseURL: server.baseURL, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns parallel tool calls together and continues with both results; instructions reach every call', async () => {
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'Always answer in metric units.' },
      { role: 'user', content: 'weather in Paris and Berlin' },
    ];
    const first = await client.chat.completions.create({ model: 'riptide', messages, tools: [WEATHER_TOOL] });
    const calls = first.choices[0].message.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    const second = await client.chat.completions.create({
      model: 'riptide',
      messages: [
        ...messages,
        first.choices[0].message,
        { role: 'tool', tool_call_id: calls[1].id, content: '12°C' },
        { role: 'tool', tool_call_id: calls[0].id, content: '18°C' },
      ],
      tools: [WEATHER_TOOL],
    });
    expect(second.choices[0].message.content).toContain('Paris: 18°C; Berlin: 12°C');
    const runCalls = model.calls.filter((call) => call.purpose !== 'guard');
    expect(runCalls.length).toBeGreaterThan(3);
    for (const call of runCalls) expect(call.system).toContain('Always answer in metric units.');
  });

  it('never sends a tool error as an answer: a run resting only on a failed tool is an error', async () => {
    const error = await client.chat.completions
      .create({ model: 'riptide', messages: [{ role: 'user', content: 'divide ten by zero' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('tool_failed');
  });
});
