// Test support: a real riptide server listening on an ephemeral loopback port, for driving it with
// unmodified client libraries (openai, the AI SDK, LangChain) over real HTTP.
import type { AddressInfo } from 'node:net';
import type { RiptideOverrides } from '../../src/riptide.js';
import { openTestServer, type TestServer } from '../../src/server/test-support/open-test-server.js';

export interface ListeningServer extends TestServer {
  /** The OpenAI-compatible base URL, e.g. http://127.0.0.1:41234/v1 */
  baseURL: string;
}

export async function openListeningServer(
  overrides: RiptideOverrides = {},
  env: Record<string, string> = {},
): Promise<ListeningServer> {
  const server = await openTestServer(env, {}, overrides);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { ...server, baseURL: `http://127.0.0.1:${port}/v1` };
}
