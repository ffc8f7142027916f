// LangChain's ChatOpenAI, unmodified, against a real riptide server: a bindTools agent loop (the
// application runs the tool and sends a ToolMessage back) and withStructuredOutput.
import { type BaseMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ListeningServer, openListeningServer } from './listening-server.js';

describe('LangChain ChatOpenAI against riptide', () => {
  let server: ListeningServer;
  let chat: ChatOpenAI;
  beforeAll(async () => {
    server = await openListeningServer();
    chat = new ChatOpenAI({
      model: 'riptide',
      apiKey: 'unused',
      maxRetries: 0,
      configuration: { baseURL: server.baseURL },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs a bindTools agent loop until the model answers', async () => {
    const getWeather = tool(async ({ city }: { city: string }) => JSON.stringify({ city, temperature_c: 18 }), {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      schema: z.object({ city: z.string() }),
    });
    const withTools = chat.bindTools([getWeather]);
    const messages: BaseMessage[] = [
      new SystemMessage('You are a weather assistant.'),
      new HumanMessage('What is the weather in Lisbon?'),
    ];
    let calls = 0;
    for (let turn = 0; turn < 4; turn += 1) {
      const reply = await withTools.invoke(messages);
      messages.push(reply);
      if (!reply.tool_calls?.length) break;
      for (const call of reply.tool_calls) {
        calls += 1;
        expect(call).toMatchObject({ name: 'get_weather', args: { city: 'Lisbon' } });
        messages.push(
          new ToolMessage({
            content: await getWeather.invoke(call.args as { city: string }),
            tool_call_id: call.id ?? '',
          }),
        );
      }
    }
    expect(calls).toBe(1);
    const last = messages.at(-1);
    expect(last?.getType()).toBe('ai');
    expect(String(last?.content)).toContain('18');
  });

  it('withStructuredOutput parses a schema-valid object', async () => {
    const structured = chat.withStructuredOutput(z.object({ answer: z.string(), value: z.number() }), {
      name: 'result',
    });
    const value = await structured.invoke('compute 21 * 2');
    expect(value.value).toBe(42);
  });
});
