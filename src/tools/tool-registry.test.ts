import { describe, expect, it } from 'vitest';
import { defineTool } from './define-tool.js';
import { nonEmptyText } from './schema-fields.js';
import { createToolRegistry } from './tool-registry.js';
import type { ToolContext, ToolSpec } from './tool-spec.js';

const context = (signal = new AbortController().signal): ToolContext => ({
  tenantId: 'default',
  workspaceDir: '/nonexistent',
  signal,
});

const echo = (version: string): ToolSpec =>
  defineTool<{ expression: string }>({
    name: 'echo',
    version,
    description: `Echo the expression back (v${version}).`,
    category: 'text',
    tags: ['echo'],
    parameters: { expression: nonEmptyText('What to echo.', 100) },
    handler: ({ expression }) => ({ echoed: expression, version }),
  });

const misbehaving: ToolSpec[] = [
  defineTool({
    name: 'explode',
    description: 'Always throws.',
    category: 'test',
    tags: [],
    parameters: {},
    handler: () => {
      throw new Error('kaboom');
    },
  }),
  defineTool({
    name: 'hang',
    description: 'Never finishes.',
    category: 'test',
    tags: [],
    parameters: {},
    handler: () => new Promise(() => undefined),
  }),
];

describe('createToolRegistry', () => {
  const registry = createToolRegistry({
    tools: [echo('1.0.0'), echo('1.10.0'), echo('1.2.0'), ...misbehaving],
    timeoutMs: 50,
  });

  it('keeps versions and returns the latest by semver', () => {
    expect(registry.versions('echo')).toEqual(['1.10.0', '1.2.0', '1.0.0']);
    expect(registry.get('echo')?.version).toBe('1.10.0');
    expect(registry.get('echo', '1.2.0')?.version).toBe('1.2.0');
    expect(registry.get('echo', '9.9.9')).toBeUndefined();
    expect(registry.list().filter((tool) => tool.name === 'echo')).toHaveLength(1);
  });

  it.each([
    ['nope', '{}', 'unknown_tool', "unknown tool 'nope'"],
    ['echo', '{"expression": ', 'bad_json', 'arguments are not valid JSON'],
    ['echo', '{"expression": 5}', 'schema_violation', 'arguments.expression: must be string'],
    ['echo', {}, 'schema_violation', 'arguments.expression: is required'],
    ['echo', { expression: 'x', extra: 1 }, 'schema_violation', 'arguments.extra: is not allowed'],
    ['echo', '[1]', 'schema_violation', 'arguments: must be an object'],
    ['echo', { expression: 'x'.repeat(101) }, 'schema_violation', 'arguments.expression: must NOT have more than 100'],
  ])('validate(%s, %j) fails as %s', (name, raw, kind, message) => {
    const result = registry.validate(name, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe(kind);
      expect(result.message).toContain(message);
    }
  });

  it('runs a valid call and stringifies object output as JSON', async () => {
    const result = await registry.run('echo', '{"expression":"hi"}', context());
    expect(result).toEqual({
      ok: true,
      value: { echoed: 'hi', version: '1.10.0' },
      output: '{"echoed":"hi","version":"1.10.0"}',
    });
  });

  it('turns a throwing tool into an error result', async () => {
    const result = await registry.run('explode', {}, context());
    expect(result).toEqual({ ok: false, kind: 'tool_error', error: "tool 'explode' failed: kaboom" });
  });

  it('turns a hanging tool into a timeout result', async () => {
    const result = await registry.run('hang', {}, context());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.kind).toBe('timeout');
  });

  it('stops a hanging tool when the run is aborted', async () => {
    const controller = new AbortController();
    const pending = registry.run('hang', {}, context(controller.signal));
    controller.abort();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, kind: 'tool_error' });
  });

  it('reports validation failures from run() with their kind', async () => {
    expect(await registry.run('echo', '{', context())).toMatchObject({ ok: false, kind: 'bad_json' });
  });

  it('adds and removes dynamic tools by owner and re-indexes them', () => {
    const dynamic = createToolRegistry({ tools: [echo('1.0.0')], timeoutMs: 50 });
    const remote = defineTool({
      name: 'mcp_weather',
      description: 'Look up the weather forecast for a city.',
      category: 'mcp',
      tags: ['weather'],
      parameters: {},
      handler: () => 'sunny',
    });
    expect(dynamic.search('weather forecast')).toEqual([]);
    dynamic.addDynamic(remote, 'weather-server');
    expect(dynamic.get('mcp_weather')).toBe(remote);
    expect(dynamic.search('weather forecast')[0]?.name).toBe('mcp_weather');
    expect(() => dynamic.addDynamic({ ...remote }, 'other-server')).toThrow(/already provided/);
    expect(() => dynamic.addDynamic({ ...echo('2.0.0') }, 'x')).toThrow(/built-in/);
    dynamic.removeDynamic('weather-server');
    expect(dynamic.get('mcp_weather')).toBeUndefined();
    expect(dynamic.search('weather forecast')).toEqual([]);
  });

  it('refuses a tool with an invalid schema', () => {
    const broken = { ...echo('1.0.0'), json_schema: { type: 'object', properties: { a: { type: 'nonsense' } } } };
    expect(() => createToolRegistry({ tools: [broken], timeoutMs: 50 })).toThrow(/invalid JSON Schema/);
  });
});
