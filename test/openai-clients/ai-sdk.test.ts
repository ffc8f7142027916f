// The Vercel AI SDK as a client (`@ai-sdk/openai` chat models), unmodified, against a real riptide
// server: a generateText tool loop (the SDK runs the tool, riptide continues the paused run),
// generateObject through response_format, and streamText with tools.
import { createOpenAI } from '@ai-sdk/openai';
import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ListeningServer, openListeningServer } from './listening-server.js';

describe('AI SDK against riptide', () => {
  let server: ListeningServer;
  let model: ReturnType<ReturnType<typeof createOpenAI>['chat']>;
  const executed: string[] = [];
  const getWeather = tool({
    description: 'Get the current weather for a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      executed.push(city);
      return { city, temperature_c: 18 };
    },
  });

  beforeAll(async () => {
    server = await openListeningServer();
    model = createOpenAI({ baseURL: server.baseURL, apiKey: 'unused' }).chat('riptide');
  });
  afterAll(async () => {
    await server.close();
  });

  it('generateText runs the tool loop: the SDK executes the call, riptide answers from the result', async () => {
    const result = await generateText({
      model,
      system: 'You are a weather assistant.',
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: getWeather },
      stopWhen: stepCountIs(4),
    });
    expect(executed).toContain('Paris');
    expect(result.steps.length).toBe(2);
    expect(result.steps[0].toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Paris' } });
    expect(result.steps[0].finishReason).toBe('tool-calls');
    expect(result.text).toContain('18');
    expect(result.finishReason).toBe('stop');
  });

  it('generateObject gets a schema-valid object through response_format', async () => {
    const { object } = await generateObject({
      model,
      schema: z.object({ answer: z.string(), value: z.number() }),
      prompt: 'compute 21 * 2',
    });
    expect(object.value).toBe(42);
    expect(typeof object.answer).toBe('string');
  });

  it('streamText streams the tool call, then the answer after the SDK ran the tool', async () => {
    const result = streamText({
      model,
      prompt: 'What is the weather in Madrid?',
      tools: { get_weather: getWeather },
      stopWhen: stepCountIs(4),
    });
    const parts: string[] = [];
    for await (const part of result.fullStream) parts.push(part.type);
    expect(parts).toContain('tool-call');
    expect(parts).toContain('tool-result');
    expect(parts).toContain('text-delta');
    expect(executed).toContain('Madrid');
    expect(await result.text).toContain('18');
  });
});
