// `riptide serve` as a real process: driven with the official OpenAI SDK, across a hard restart
// (interactive approval), and with a slowly streaming provider for SSE ordering, abort and shutdown.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeProcess, spawnServe } from '../../server/test-support/spawn-serve.js';
import { pendingRunSchema, runResultSchema } from '../../spec/run-result.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../test-support/fake-openai-server.js';

const dataDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  dataDirs.push(dir);
  return dir;
}

async function stop(serve: ServeProcess | undefined): Promise<void> {
  if (!serve || serve.child.exitCode !== null || serve.child.signalCode !== null) return;
  serve.child.kill('SIGKILL');
  await serve.exited;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** Opens an SSE GET and calls `onFrame` for each JSON frame as it arrives. */
function openStream(
  url: string,
  onFrame: (frame: { event: string; [key: string]: unknown }, request: http.ClientRequest) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) onFrame(JSON.parse(data), request);
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('end', () => resolve());
      response.on('close', () => resolve());
    });
    request.on('error', (error) => (request.destroyed ? resolve() : reject(error)));
  });
}

async function waitFor(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// Starting the CLI under tsx compiles the whole tree: allow for a loaded machine.
const SPAWN_TIMEOUT_MS = 240_000;

describe('riptide serve (offline model)', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const serveEnv = { RIPTIDE_TENANT_BUDGETS: '{"broke":0}' };
  const dataDir = tempDataDir();
  let serve: ServeProcess;
  let client: OpenAI;
  beforeAll(async () => {
    serve = await spawnServe(dataDir, serveEnv);
    client = new OpenAI({ baseURL: `${serve.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  }, SPAWN_TIMEOUT_MS);
  afterAll(async () => {
    await stop(serve);
  });

  it('binds loopback and prints its URL', () => {
    expect(serve.output()).toMatch(/riptide serving on http:\/\/127\.0\.0\.1:\d+/);
  });

  it('answers chat.completions.create without and with streaming', async () => {
    const plain = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      // riptide extension: a tenant of its own, so memory from other tests cannot change the answer
      tenant_id: 'sdk-plain',
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(plain.choices[0].finish_reason).toBe('stop');
    expect(plain.choices[0].message.content).toContain('42');

    const stream = await client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      stream: true,
      tenant_id: 'sdk-stream',
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = '';
    let finish: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(finish).toBe('stop');
    expect(text).toBe(plain.choices[0].message.content);
  });

  it('adds a usage chunk with stream_options.include_usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'riptide',
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: 'hi, how can I help?' },
        { role: 'user', content: 'compute 2 + 3' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    const usage: OpenAI.CompletionUsage[] = [];
    for await (const chunk of stream) {
      if (chunk.usage) usage.push(chunk.usage);
    }
    expect(usage).toHaveLength(1);
    expect(usage[0].total_tokens).toBe(usage[0].prompt_tokens + usage[0].completion_tokens);
    expect(usage[0].total_tokens).toBeGreaterThan(0);
  });

  it('lists models', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('riptide');
  });

  it('raises BadRequestError for empty messages and a 402 for an exhausted budget', async () => {
    await expect(client.chat.completions.create({ model: 'riptide', messages: [] })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
    const broke = client.chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 1 + 1' }],
      tenant_id: 'broke',
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    await expect(broke).rejects.toBeInstanceOf(OpenAI.APIError);
    await expect(broke).rejects.toMatchObject({ status: 402, code: 'budget_exceeded' });
  });

  it('resumes a pending run on a restarted server and runs the approved tool once', async () => {
    const started = await postJson(`${serve.url}/api/run/interactive`, { task: 'save a note about water' });
    expect(started.status).toBe(200);
    const pending = pendingRunSchema.parse(started.json);
    expect(pending.action.type).toBe('tool_approval');
    const tool = (pending.action as { tool: string }).tool;

    // A hard kill: nothing gets a chance to flush or clean up.
    serve.child.kill('SIGKILL');
    await serve.exited;
    serve = await spawnServe(dataDir, serveEnv);

    const lookup = await fetch(`${serve.url}/api/runs/${pending.thread_id}`);
    expect(await lookup.json()).toEqual(pending);
    const resumed = await postJson(`${serve.url}/api/run/${pending.thread_id}/resume`, {
      approved: true,
      answer: null,
    });
    expect(resumed.status).toBe(200);
    const result = runResultSchema.parse(resumed.json);
    expect(result.status).toBe('completed');
    expect(result.success).toBe(true);
    expect(result.final_answer.length).toBeGreaterThan(0);
    const calls = result.results.flatMap((entry) => entry.tool_calls).filter((call) => call.name === tool);
    expect(calls).toHaveLength(1);
    expect(calls[0].valid).toBe(true);

    const workspace = path.join(dataDir, 'workspace');
    const written = fs
      .readdirSync(workspace, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    expect(written.match(/water/gi)?.length).toBe(1);

    const again = await postJson(`${serve.url}/api/run/${pending.thread_id}/resume`, { approved: true });
    expect(again.status).toBe(400);
    expect(again.json.code).toBe('resume_error');

    // Graceful shutdown on SIGTERM exits 0.
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  });
});

describe('SSE against a slowly streaming provider', { timeout: SPAWN_TIMEOUT_MS }, () => {
  let provider: FakeOpenAiServer;
  let serve: ServeProcess;
  const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
  beforeAll(async () => {
    provider = await startFakeOpenAiServer({
      reply: () => ({ content: words }),
      chunkDelayMs: 40,
      wordsPerChunk: 1,
      models: ['fake-model'],
    });
    serve = await spawnServe(tempDataDir(), {
      RIPTIDE_PROVIDER: 'custom',
      RIPTIDE_API_BASE: provider.url,
      RIPTIDE_MODEL: 'fake-model',
      RIPTIDE_API_KEY: 'sk-test-not-a-real-key',
    });
  }, SPAWN_TIMEOUT_MS);
  afterAll(async () => {
    await stop(serve);
    await provider.close();
  });

  const streamUrl = (base: string) =>
    `${base}/run/stream?task=${encodeURIComponent('describe the sea')}&memory=false&guardrails=false`;

  it('delivers token events while the model is still streaming, before final', async () => {
    const events: string[] = [];
    let streamsDoneAtFirstToken = -1;
    await openStream(streamUrl(serve.url), (frame) => {
      if (frame.event === 'token' && streamsDoneAtFirstToken < 0) streamsDoneAtFirstToken = provider.completedStreams;
      events.push(frame.event);
    });
    expect(events[0]).toBe('composition');
    expect(events.at(-1)).toBe('final');
    const firstToken = events.indexOf('token');
    expect(firstToken).toBeGreaterThan(0);
    expect(firstToken).toBeLessThan(events.indexOf('final'));
    // The finalize stream had not finished when its first delta reached the client.
    expect(streamsDoneAtFirstToken).toBeLessThan(provider.completedStreams);
  });

  it('aborts the model call when the client disconnects mid-stream', async () => {
    const abortsBefore = provider.aborts;
    await openStream(streamUrl(serve.url), (frame, request) => {
      if (frame.event === 'token') request.destroy();
    });
    await waitFor(() => provider.aborts > abortsBefore, 'the provider to see the aborted stream');
    const health = await fetch(`${serve.url}/healthz`);
    expect(health.status).toBe(200);
  });

  // Last: it shuts the shared server down.
  it('ends open streams with a shutting_down error on SIGTERM and exits 0', async () => {
    const current = serve;
    const frames: { event: string; code?: unknown }[] = [];
    let signalled = false;
    await openStream(streamUrl(current.url), (frame) => {
      frames.push(frame);
      if (frame.event === 'token' && !signalled) {
        signalled = true;
        current.child.kill('SIGTERM');
      }
    });
    expect(frames.at(-1)).toMatchObject({ event: 'error', code: 'shutting_down' });
    expect(await current.exited).toBe(0);
  });
});
