import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { createToolRegistry } from '../tools/tool-registry.js';
import { mcpToolName, registerMcpTools } from './register-mcp-tools.js';
import { startHttpMcpTestServer } from './test-support/http-mcp-test-server.js';

describe('mcpToolName', () => {
  it('joins prefix and name with one underscore and keeps only [A-Za-z0-9_]', () => {
    expect(mcpToolName('github', 'create-issue')).toBe('github_create_issue');
    expect(mcpToolName('gh_', 'list.repos')).toBe('gh_list_repos');
    expect(mcpToolName('', 'get sum!')).toBe('get_sum_');
    expect(mcpToolName('p', 'x'.repeat(100))).toHaveLength(64);
  });
});

describe('registerMcpTools', () => {
  it('adds each tool of a real server as a ToolSpec owned by the caller, runnable through the registry', async () => {
    const server = await startHttpMcpTestServer();
    const client = new Client({ name: 'riptide-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), {
        requestInit: { headers: { Authorization: `Bearer ${server.token}` } },
      }),
    );
    const registry = createToolRegistry({ tools: [], timeoutMs: 10_000 });
    try {
      const { tools, skipped } = await registerMcpTools(registry, client, {
        prefix: '',
        owner: 'mcp:geo',
        callTimeoutMs: 5_000,
        tags: ['geography'],
      });
      expect(skipped).toEqual([]);
      expect(tools.map((tool) => [tool.name, tool.mcpName, tool.side_effecting]).sort()).toEqual([
        ['planet_facts', 'planet-facts', false],
        ['population_stats', 'population_stats', false],
        ['send_postcard', 'send_postcard', true],
      ]);
      const spec = registry.get('planet_facts');
      expect(spec).toMatchObject({
        category: 'mcp',
        version: '2.3.4',
        description: 'Facts about a planet of the solar system, by its name',
        tags: ['mcp', 'geography'],
      });
      expect(spec?.json_schema).toMatchObject({ type: 'object', properties: { planet: { type: 'string' } } });
      // Retrieval finds it like any other tool.
      expect(registry.search('facts about a planet', { limit: 1 })[0]?.name).toBe('planet_facts');

      const context = { tenantId: 'default', workspaceDir: '/nonexistent', signal: new AbortController().signal };
      expect(await registry.run('planet_facts', { planet: 'Jupiter' }, context)).toMatchObject({
        ok: true,
        output: 'Jupiter has 95 known moons.',
      });

      registry.removeDynamic('mcp:geo');
      expect(registry.list()).toEqual([]);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
