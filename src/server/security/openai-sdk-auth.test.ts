// The official `openai` SDK against /v1 with auth on: a riptide key as `apiKey` works, a bad or
// revoked one raises AuthenticationError, a tenant naming another tenant PermissionDeniedError.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

describe('OpenAI SDK with riptide keys', () => {
  let server: TestServer;
  let baseURL = '';
  let key = '';
  let keyId = '';
  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_AUTH: 'required' });
    ({ key, key_id: keyId } = await server.riptide.keys.create({ tenant_id: 'acme' }));
    baseURL = `${await server.app.listen({ host: '127.0.0.1', port: 0 })}/v1`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const client = (apiKey: string) => new OpenAI({ baseURL, apiKey, maxRetries: 0 });

  it('works with a riptide key, plain and streamed, and runs as the key’s tenant', async () => {
    const reply = await client(key).chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 21 * 2' }],
      // @ts-expect-error riptide extension
      offline: true,
    });
    expect(reply.choices[0].message.content).toContain('42');
    const stream = await client(key).chat.completions.create({
      model: 'riptide',
      messages: [{ role: 'user', content: 'compute 6 * 7' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toContain('42');
    expect((await client(key).models.list()).data.map((model) => model.id)).toContain('riptide');
    const runs = await server.riptide.store.listRuns({});
    expect(runs.length).toBeGreaterThan(0);
    expect(new Set(runs.map((run) => run.tenant_id))).toEqual(new Set(['acme']));
  });

  it('raises AuthenticationError for a bad key and PermissionDeniedError for another tenant', async () => {
    for (const bad of ['unused', `rt_${'0'.repeat(16)}${'A'.repeat(43)}`, `${key.slice(0, -1)}x`]) {
      await expect(client(bad).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      await expect(
        client(bad).chat.completions.create({ model: 'riptide', messages: [{ role: 'user', content: 'hi' }] }),
      ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    }
    await expect(
      client(key).chat.completions.create({
        model: 'riptide',
        messages: [{ role: 'user', content: 'hi' }],
        // @ts-expect-error riptide extension
        tenant_id: 'globex',
      }),
    ).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);

    await server.riptide.keys.revoke(keyId);
    await expect(client(key).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
