// A client tool call's pause is durable: the server that answered with tool_calls goes away, and a
// fresh server on the same data directory continues the run from the request carrying the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createRiptide } from '../../src/riptide.js';
import { buildServer } from '../../src/server/build-server.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-client-tools-'));

async function open() {
  const riptide = await createRiptide(
    loadConfig({ RIPTIDE_PROVIDER: 'offline', RIPTIDE_LOG_LEVEL: 'silent', RIPTIDE_DATA_DIR: dataDir }),
  );
  const app = await buildServer(riptide, { logger: false });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await riptide.close();
    },
  };
}

const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

describe('client tool calls across a restart', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('continues the paused run in a new server instance', async () => {
    const question = { role: 'user', content: 'What is the weather in Vienna?' };
    const first = await open();
    const paused = (
      await first.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        payload: { model: 'riptide', messages: [question], tools: TOOLS },
      })
    ).json();
    await first.close();
    expect(paused.choices[0].finish_reason).toBe('tool_calls');
    const message = paused.choices[0].message;

    const second = await open();
    try {
      const response = await second.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        payload: {
          model: 'riptide',
          messages: [
            question,
            message,
            { role: 'tool', tool_call_id: message.tool_calls[0].id, content: '{"temperature_c": 21}' },
          ],
          tools: TOOLS,
        },
      });
      expect(response.statusCode).toBe(200);
      const completion = response.json();
      expect(completion.choices[0].finish_reason).toBe('stop');
      expect(completion.choices[0].message.content).toContain('21');
    } finally {
      await second.close();
    }
  });
});
