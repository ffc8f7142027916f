// A real streamable-HTTP MCP server for tests, built with the SDK on 127.0.0.1:0: one read-only tool,
// one side-effecting tool, one that reports an error, and a bearer token it insists on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export interface HttpMcpTestServer {
  url: string;
  token: string;
  /** Postcards "sent" by the side-effecting tool, in order. */
  postcards: string[];
  close(): Promise<void>;
}

const PLANETS: Record<string, { name: string; moons: number }> = {
  mars: { name: 'Mars', moons: 2 },
  jupiter: { name: 'Jupiter', moons: 95 },
  venus: { name: 'Venus', moons: 0 },
};

function buildMcpServer(postcards: string[]): McpServer {
  const server = new McpServer({ name: 'atlas-test-server', version: '2.3.4' });
  server.registerTool(
    'planet-facts',
    {
      description: 'Facts about a planet of the solar system, by its name',
      inputSchema: { planet: z.string().describe('Planet name, e.g. Mars') },
      annotations: { readOnlyHint: true },
    },
    async ({ planet }) => {
      // Lenient on purpose: the offline model passes phrases like "the planet Mars".
      const known = Object.keys(PLANETS).find((name) => planet.toLowerCase().includes(name));
      if (!known) return { isError: true, content: [{ type: 'text', text: `unknown planet: ${planet}` }] };
      const { name, moons } = PLANETS[known];
      return {
        content: [{ type: 'text', text: `${name} has ${moons} known moons.` }],
        structuredContent: { planet: name, moons },
      };
    },
  );
  server.registerTool(
    'send_postcard',
    {
      description: 'Send a postcard with a message to a recipient',
      inputSchema: { recipient: z.string(), message: z.string() },
    },
    async ({ recipient, message }) => {
      postcards.push(`${recipient}: ${message}`);
      return { content: [{ type: 'text', text: `postcard sent to ${recipient}` }] };
    },
  );
  server.registerTool(
    'population_stats',
    {
      description: 'Population statistics of a city as structured data',
      inputSchema: { city: z.string() },
      outputSchema: { city: z.string(), population: z.number() },
      annotations: { readOnlyHint: true },
    },
    async ({ city }) => ({ content: [], structuredContent: { city, population: 2_100_000 } }),
  );
  return server;
}

export async function startHttpMcpTestServer(): Promise<HttpMcpTestServer> {
  const token = `test-token-${Math.random().toString(36).slice(2)}`;
  const postcards: string[] = [];
  const http: Server = createServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    // Stateless mode: a fresh server and transport per request, as the SDK recommends without sessions.
    const mcp = buildMcpServer(postcards);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    mcp
      .connect(transport)
      .then(() => transport.handleRequest(request, response))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    token,
    postcards,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
