// The composition root's seams: a whole run on a scripted MockLanguageModel passed to createRiptide,
// the same on an AI SDK provider model instance (pointed at a local OpenAI-compatible server), and
// the components a caller passes in being the ones the run uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { createRiptide } from './riptide.js';
import type { Riptide } from './riptide-types.js';
import { createSqliteStore } from './store/sqlite-store.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './test-support/fake-openai-server.js';
import { MockLanguageModel } from './testing/mock-language-model.js';

const PLAN = JSON.stringify({ subtasks: [{ subtask: 'compute 21 * 2', depends_on: [] }] });
const plain = { memory: false, guardrails: false } as const;

describe('createRiptide seams', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const dataDir = () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-seams-'));
    cleanups.push(() => fs.rmSync(directory, { recursive: true, force: true }));
    return directory;
  };
  const open = async (overrides: Parameters<typeof createRiptide>[1]): Promise<Riptide> => {
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir() }), overrides);
    cleanups.push(() => riptide.close());
    return riptide;
  };

  it('runs a whole graph on a scripted MockLanguageModel', async () => {
    const model = new MockLanguageModel({
      byPurpose: {
        plan: PLAN,
        // The worker calls the calculator, then answers from its result.
        worker: (call) =>
          call.toolResults.length > 0
            ? `The answer is ${call.toolResults[0].text}.`
            : { toolCalls: [{ name: 'calculator', arguments: { expression: '21 * 2' } }] },
        finalize: 'The answer is 42.',
      },
    });
    const riptide = await open({ languageModel: model });
    const result = await riptide.runs.runTask({ task: 'compute 21 * 2', ...plain, react_steps: 2 });
    expect(result).toMatchObject({ status: 'completed', success: true, final_answer: 'The answer is 42.' });
    expect(model.calls.map((call) => call.purpose)).toEqual(['plan', 'worker', 'worker', 'finalize']);
    expect(result.results[0].tool_calls).toEqual([
      { name: 'calculator', arguments: { expression: '21 * 2' }, valid: true, output: '42' },
    ]);
    expect(result.results[0].output).toBe('The answer is 42.');
    // The worker was offered the calculator among its retrieved tools, and saw its result.
    expect(model.callsFor('worker')[0].tools).toContain('calculator');
    expect(model.callsFor('worker')[1].toolResults).toEqual([
      expect.objectContaining({ toolName: 'calculator', text: '42', isError: false }),
    ]);
    expect(result.metrics.model_calls).toBe(4);
    expect(result.metrics.usage.total_tokens).toBeGreaterThan(0);
  });

  it('fails loudly when the script runs out, and reports the failure as a failed run', async () => {
    const riptide = await open({ languageModel: new MockLanguageModel({ byPurpose: { plan: PLAN } }) });
    const result = await riptide.runs.runTask({ task: 'compute 21 * 2', ...plain });
    expect(result.status).toBe('failed');
    expect(result.success).toBe(false);
    expect(result.error?.code).toBe('model_error');
  });

  it('runs a whole graph on an AI SDK provider model passed the same way', async () => {
    const server: FakeOpenAiServer = await startFakeOpenAiServer({
      reply: (body) => {
        const purposeText = JSON.stringify(body.messages);
        if (body.tools?.some((tool) => tool.function.name === 'calculator') && !purposeText.includes('"tool"')) {
          return { toolCalls: [{ name: 'calculator', arguments: { expression: '21 * 2' } }] };
        }
        if (purposeText.includes('## Results')) return { content: 'It is 42.' };
        return { content: PLAN };
      },
    });
    cleanups.push(() => server.close());
    const provider = createOpenAICompatible({ name: 'fake', baseURL: server.url, apiKey: 'test-key' });
    const riptide = await open({ languageModel: provider.chatModel('fake-model') });
    const result = await riptide.runs.runTask({ task: 'compute 21 * 2', ...plain });
    expect(result).toMatchObject({ status: 'completed', success: true, final_answer: 'It is 42.' });
    expect(result.results[0].tool_calls[0]).toMatchObject({ name: 'calculator', valid: true, output: '42' });
    // Every call went to the given model, not to the configured (offline) one.
    expect(server.requests.length).toBe(3);
    expect(server.requests.every((request) => request.model === 'fake-model')).toBe(true);
  });

  it('uses the store a caller passes in and leaves it open on close', async () => {
    const directory = dataDir();
    const store = await createSqliteStore({ file: path.join(directory, 'mine.sqlite') });
    cleanups.push(() => store.close());
    const model = new MockLanguageModel({
      byPurpose: {
        plan: PLAN,
        worker: { toolCalls: [{ name: 'calculator', arguments: { expression: '21 * 2' } }] },
        finalize: '42',
      },
    });
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: directory }), { store, languageModel: model });
    const result = await riptide.runs.runTask({ task: 'compute 21 * 2', ...plain });
    await riptide.close();
    expect((await store.getRun(result.thread_id))?.status).toBe('completed');
  });
});
