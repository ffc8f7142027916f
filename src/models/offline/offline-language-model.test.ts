import type { ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import {
  composeOutputSchema,
  parseModelJson,
  planOutputSchema,
  reflectOutputSchema,
  supervisorOutputSchema,
  verdictOutputSchema,
} from '../../prompts/contract.js';
import { renderResultEntries, renderSections } from '../../prompts/sections.js';
import { createModelGateway } from '../create-model-gateway.js';
import type { ModelCallRequest, ModelToolDefinition } from '../model-gateway.js';
import { OfflineLanguageModel } from './offline-language-model.js';

const objectSchema = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});
const TOOLS: Record<string, ModelToolDefinition> = {
  calculator: {
    description: 'Evaluate an arithmetic expression safely and return the number.',
    json_schema: objectSchema({ expression: { type: 'string' } }),
  },
  write_note: {
    description: 'Save a note in the workspace.',
    json_schema: objectSchema({ title: { type: 'string' }, content: { type: 'string' } }),
  },
  word_count: { description: 'Count the words in a text.', json_schema: objectSchema({ text: { type: 'string' } }) },
  uppercase: { description: 'Uppercase a text.', json_schema: objectSchema({ text: { type: 'string' } }) },
  kb_search: { description: "Search the tenant's notes.", json_schema: objectSchema({ query: { type: 'string' } }) },
  ask_human: { description: 'Ask the user a question.', json_schema: objectSchema({ question: { type: 'string' } }) },
  handoff: {
    description: 'Hand the subtask to another role.',
    json_schema: objectSchema({ role: { type: 'string' }, reason: { type: 'string' } }),
  },
};

function offlineGateway(log?: { purpose: string; text: string }[]) {
  const config = loadConfig({});
  return createModelGateway(config.model, {
    offline: { onRequest: (purpose, text) => log?.push({ purpose, text }) },
  });
}

const user = (content: string): ModelMessage[] => [{ role: 'user', content }];
const gateway = offlineGateway();
const call = (request: ModelCallRequest) => gateway.call(request);
const worker = (subtask: string, extra: ModelMessage[] = [], tools = TOOLS) =>
  call({
    purpose: 'worker',
    tools,
    messages: [...user(renderSections({ task: subtask, subtask, role: 'generalist' })), ...extra],
  });

function observation(toolCallId: string, toolName: string, input: unknown, output: string): ModelMessage[] {
  return [
    { role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input }] },
    { role: 'tool', content: [{ type: 'tool-result', toolCallId, toolName, output: { type: 'text', value: output } }] },
  ];
}

describe('OfflineLanguageModel through the gateway', () => {
  it('plans on connectives with dependencies for "then"', async () => {
    const result = await call({
      purpose: 'plan',
      messages: user(
        renderSections({ task: 'compute 21 * 2, count the words in "a, b and c" and then save a note about it' }),
      ),
    });
    expect(parseModelJson(result.text, planOutputSchema)).toEqual({
      subtasks: [
        { subtask: 'compute 21 * 2', depends_on: [] },
        { subtask: 'count the words in "a, b and c"', depends_on: [] },
        { subtask: 'save a note about it', depends_on: [1] },
      ],
    });
    const single = await call({ purpose: 'plan', messages: user(renderSections({ task: 'compute 21 * 2' })) });
    expect(parseModelJson(single.text, planOutputSchema)?.subtasks).toEqual([
      { subtask: 'compute 21 * 2', depends_on: [] },
    ]);
  });

  it('composes subtasks with listed roles and string dependencies', async () => {
    const roles = '- generalist: anything\n- analyst: numbers\n- scribe: notes\n- researcher: search';
    const result = await call({
      purpose: 'compose',
      messages: user(renderSections({ task: 'search for tides, compute 3 + 4 and then record the answer', roles })),
    });
    expect(parseModelJson(result.text, composeOutputSchema)?.subtasks).toEqual([
      { id: 's1', subtask: 'search for tides', role: 'researcher', depends_on: [] },
      { id: 's2', subtask: 'compute 3 + 4', role: 'analyst', depends_on: [] },
      { id: 's3', subtask: 'record the answer', role: 'scribe', depends_on: ['s2'] },
    ]);
    const noCoder = await call({ purpose: 'compose', messages: user(renderSections({ task: 'fix the bug', roles })) });
    expect(parseModelJson(noCoder.text, composeOutputSchema)?.subtasks[0].role).toBe('generalist');
  });

  it.each([
    ['what is 21 * 2', 'calculator', { expression: '21 * 2' }],
    ['save a note about tides', 'write_note', { title: 'tides', content: 'tides' }],
    ['count the words in "the quick brown fox"', 'word_count', { text: 'the quick brown fox' }],
    ["uppercase 'hello world'", 'uppercase', { text: 'hello world' }],
    ['search for moon phases', 'kb_search', { query: 'moon phases' }],
    ['which one should I pick? please clarify', 'ask_human', undefined],
    ['hand off to coder for the regex', 'handoff', undefined],
  ])('worker: %s → %s', async (subtask, toolName, input) => {
    const result = await worker(subtask);
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0].toolName).toBe(toolName);
    if (input) expect(result.toolCalls[0].input).toEqual(input);
    expect(JSON.parse(result.toolCalls[0].rawInput)).toEqual(result.toolCalls[0].input);
  });

  it('worker: falls back to the tool whose name/description fit best, arguments from its schema', async () => {
    const weather: Record<string, ModelToolDefinition> = {
      ...TOOLS,
      weather_lookup: {
        description: 'Current weather for a city.',
        json_schema: objectSchema({ city: { type: 'string' }, days: { type: 'integer', minimum: 1 } }),
      },
    };
    const result = await worker('get the weather forecast for 3 days in Paris', [], weather);
    expect(result.toolCalls[0]).toMatchObject({ toolName: 'weather_lookup', input: { city: 'Paris', days: 3 } });
  });

  it('worker: asks with a question and hands off with a role and reason', async () => {
    const asked = await worker('the request is unclear, ask the user');
    expect((asked.toolCalls[0].input as { question: string }).question).toMatch(/\?$/);
    const handed = await worker('delegate to researcher: find sources');
    expect(handed.toolCalls[0].input).toMatchObject({ role: 'researcher' });
    expect((handed.toolCalls[0].input as { reason: string }).reason.length).toBeGreaterThan(0);
  });

  it('worker: answers from an observed tool result with the value verbatim', async () => {
    const result = await worker('compute 21 * 2', observation('c1', 'calculator', { expression: '21 * 2' }, '42'));
    expect(result.toolCalls).toEqual([]);
    expect(result.text).toBe('21 * 2 = 42');
  });

  it('worker: self-corrects once after an ERROR result, then reports failure', async () => {
    const bogus = await worker('use a bogus tool to compute 6 * 7');
    expect(bogus.toolCalls[0].toolName).toBe('no_such_tool');
    const afterError = observation('b1', 'no_such_tool', {}, 'ERROR (unknown_tool): no tool named no_such_tool');
    const corrected = await worker('use a bogus tool to compute 6 * 7', afterError);
    expect(corrected.toolCalls[0]).toMatchObject({ toolName: 'calculator', input: { expression: '6 * 7' } });
    const noToolFits = await worker('use a bogus tool', afterError);
    expect(noToolFits.toolCalls).toEqual([]);
    expect(noToolFits.text.length).toBeGreaterThan(0);

    const badArgs = observation('x1', 'calculator', { expr: 1 }, 'ERROR (schema_violation): expression is required');
    const retried = await worker('compute 6 * 7', badArgs);
    expect(retried.toolCalls[0]).toMatchObject({ toolName: 'calculator', input: { expression: '6 * 7' } });
    const twice = [...badArgs, ...observation('x2', 'calculator', { expression: '6 * 7' }, 'ERROR (tool_error): boom')];
    const gaveUp = await worker('compute 6 * 7', twice);
    expect(gaveUp.toolCalls).toEqual([]);
    expect(gaveUp.text).toMatch(/could not complete/);
  });

  it('worker: answers directly when no tool fits, and computes arithmetic itself without tools', async () => {
    const direct = await worker('compute 21 * 2', [], {});
    expect(direct.text).toBe('21 * 2 = 42');
    const words = await worker('count the words in "one two three"', [], {});
    expect(words.text).toContain('3 words');
  });

  it('vote: a deterministic direct answer per input and sample', async () => {
    const sample = (index: number) =>
      call({
        purpose: 'vote',
        metadata: { sample: index },
        messages: user(renderSections({ task: 'x', subtask: 'what is 6 * 7', role: 'analyst' })),
      });
    const [first, again, second] = [await sample(0), await sample(0), await sample(1)];
    expect(first.text).toBe('6 * 7 = 42');
    expect(again.text).toBe(first.text);
    expect(second.text).toBe(first.text);
    const withTools = await call({
      purpose: 'vote',
      tools: TOOLS,
      metadata: { sample: 0 },
      messages: user(renderSections({ task: 'x', subtask: 'what is 6 * 7', role: 'analyst' })),
    });
    expect(withTools.toolCalls[0]).toMatchObject({ toolName: 'calculator', input: { expression: '6 * 7' } });
  });

  it.each([
    ['21 * 2 = 42', 'pass'],
    ['ERROR (unknown_tool): nope', 'fail'],
    ['I could not complete it', 'fail'],
    ['The tool call was denied', 'fail'],
    ['', 'fail'],
  ])('critic: %j → %s', async (resultText, verdict) => {
    const result = await call({
      purpose: 'critic',
      messages: user(`## Task\nx\n\n## Subtask\ncompute\n\n## Result\n${resultText}`),
    });
    const parsed = parseModelJson(result.text, verdictOutputSchema);
    expect(parsed?.verdict).toBe(verdict);
    expect(parsed?.reason.length).toBeGreaterThan(0);
  });

  it('supervisor: one corrective subtask per failed line, keeping roles', async () => {
    const result = await call({
      purpose: 'supervisor',
      messages: user(
        renderSections({
          task: 'x',
          failed: '- compute 6 * 7 [analyst] :: the tool failed\n- save a note :: denied',
          roles: '- analyst\n- scribe\n- generalist',
        }),
      ),
    });
    expect(parseModelJson(result.text, supervisorOutputSchema)?.subtasks).toEqual([
      { subtask: 'Retry compute 6 * 7 and report a concrete result', role: 'analyst' },
      { subtask: 'Retry save a note and report a concrete result', role: 'scribe' },
    ]);
  });

  it('finalize: composes the answer from the results with their values, streamed in several deltas', async () => {
    const deltas: string[] = [];
    const results = renderResultEntries([
      { subtask: 'compute 21 * 2', role: 'analyst', output: '21 * 2 = 42' },
      { subtask: 'count the words in "a b c"', role: 'generalist', output: 'Result of word_count: 3' },
    ]);
    const result = await call({
      purpose: 'finalize',
      messages: user(renderSections({ task: 'x', results })),
      onTextDelta: (delta) => deltas.push(delta),
    });
    expect(result.text).toContain('42');
    expect(result.text).toContain('3');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(result.text);
    const one = await call({
      purpose: 'finalize',
      messages: user(
        renderSections({
          task: 'x',
          results: renderResultEntries([{ subtask: 's', role: 'r', output: '21 * 2 = 42' }]),
        }),
      ),
    });
    expect(one.text).toBe('21 * 2 = 42');
  });

  it('structured: a JSON object valid for the schema, seeded from the answer', async () => {
    const schema = objectSchema({
      answer: { type: 'string' },
      value: { type: 'integer' },
      confident: { type: 'boolean' },
    });
    const result = await call({
      purpose: 'structured',
      messages: user(renderSections({ task: 'x', answer: '21 * 2 = 42', schema: JSON.stringify(schema) })),
    });
    expect(JSON.parse(result.text)).toEqual({ answer: '21 * 2 = 42', value: 21, confident: true });
  });

  it('reflect: a lesson naming the approach and tags from the task', async () => {
    const result = await call({
      purpose: 'reflect',
      messages: user(renderSections({ task: 'compute 21 * 2', answer: '21 * 2 = 42', outcome: 'success' })),
    });
    const parsed = parseModelJson(result.text, reflectOutputSchema);
    expect(parsed?.lesson).toBe("For arithmetic like '21 * 2', use the calculator tool and report the exact result.");
    expect(parsed?.tags).toContain('arithmetic');
    const notes = await call({
      purpose: 'reflect',
      messages: user(
        renderSections({ task: 'save a note about tides', answer: 'Result of write_note: saved', outcome: 'success' }),
      ),
    });
    expect(parseModelJson(notes.text, reflectOutputSchema)?.lesson).toContain('write_note');
  });

  it('chat: computes arithmetic and recalls the previous user message', async () => {
    const math = await call({ purpose: 'chat', messages: user('what is 12 plus 30?') });
    expect(math.text).toBe('12 + 30 = 42');
    const recall = await call({
      purpose: 'chat',
      messages: [
        { role: 'user', content: 'my favourite colour is teal' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: 'what did I say before?' },
      ],
    });
    expect(recall.text).toContain('my favourite colour is teal');
  });

  it('ping: pong; usage counted with a real tokenizer; the request log sees each purpose and prompt', async () => {
    const log: { purpose: string; text: string }[] = [];
    const logged = offlineGateway(log);
    const result = await logged.call({ purpose: 'ping', messages: user('ping') });
    expect(result.text).toBe('pong');
    expect(result.usage).toEqual({ promptTokens: 1, completionTokens: 1, totalTokens: 2 });
    await logged.call({
      purpose: 'worker',
      tools: TOOLS,
      messages: user(renderSections({ subtask: 'compute 1 + 1' })),
    });
    expect(log.map((entry) => entry.purpose)).toEqual(['ping', 'worker']);
    expect(log[1].text).toContain('## Subtask\ncompute 1 + 1');
    expect(log[1].text).toContain('calculator');
  });

  it('answers identically for identical requests', async () => {
    const request: ModelCallRequest = {
      purpose: 'plan',
      messages: user(renderSections({ task: 'search for tides and then write a note about them' })),
    };
    expect((await call(request)).text).toBe((await call(request)).text);
  });
});

describe('OfflineLanguageModel stream', () => {
  const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'what is 21 * 2 please' }] }];

  it('emits stream-start, text-start, several text deltas, text-end and finish with usage', async () => {
    const model = new OfflineLanguageModel();
    const { stream } = await model.doStream({ prompt, providerOptions: { riptide: { purpose: 'chat' } } });
    const parts = [];
    for await (const part of stream as unknown as AsyncIterable<{ type: string; delta?: string }>) parts.push(part);
    const types = parts.map((part) => part.type);
    expect(types[0]).toBe('stream-start');
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(1);
    expect(types.indexOf('text-start')).toBeLessThan(types.indexOf('text-delta'));
    expect(types.slice(-2)).toEqual(['text-end', 'finish']);
    expect(parts.map((part) => part.delta ?? '').join('')).toBe('21 * 2 = 42');
  });

  it('honours an abort signal mid-stream', async () => {
    const model = new OfflineLanguageModel();
    const controller = new AbortController();
    const { stream } = await model.doStream({ prompt, abortSignal: controller.signal });
    const reader = stream.getReader();
    await reader.read();
    controller.abort(new Error('stop'));
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'finished';
      })(),
    ).rejects.toThrow('stop');
  });
});
