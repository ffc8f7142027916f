import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import { BAD_CASES, HAPPY_CASES } from '../test-support/tool-cases.js';
import { makeTempWorkspace, toolContext } from '../test-support/tool-test-context.js';
import { createToolRegistry } from '../tool-registry.js';
import type { JsonSchema, ToolContext } from '../tool-spec.js';
import { writeWorkspaceFile } from '../workspace/workspace-files.js';

const tools = createBuiltinTools({ enableNetwork: false, networkAllowHosts: [], searxngUrl: null });
const registry = createToolRegistry({ tools, timeoutMs: 10_000 });
const readOnly = tools.filter((tool) => !tool.side_effecting);
let context: ToolContext;

beforeAll(async () => {
  const workspace = makeTempWorkspace();
  context = toolContext(workspace);
  await writeWorkspaceFile(workspace, 'seed.txt', 'seed file');
  await writeWorkspaceFile(workspace, 'notes/default/seed.md', 'A seeded note about deployments.');
});

function unbounded(schema: JsonSchema, at: string): string[] {
  const problems: string[] = [];
  if (schema.type === 'string' && schema.maxLength === undefined && schema.enum === undefined)
    problems.push(`${at}: string without maxLength`);
  if (schema.type === 'array') {
    if (schema.maxItems === undefined) problems.push(`${at}: array without maxItems`);
    if (schema.items) problems.push(...unbounded(schema.items as JsonSchema, `${at}[]`));
  }
  if (schema.type === 'object') {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      if (schema.maxProperties === undefined) problems.push(`${at}: object without maxProperties`);
      problems.push(...unbounded(schema.additionalProperties as JsonSchema, `${at}.*`));
    }
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      problems.push(...unbounded(property, `${at}.${name}`));
    }
  }
  return problems;
}

describe('the built-in tool library', () => {
  it('has at least 150 read-only tools in at least 14 categories', () => {
    expect(readOnly.length).toBeGreaterThanOrEqual(150);
    expect(new Set(readOnly.map((tool) => tool.category)).size).toBeGreaterThanOrEqual(14);
  });

  it('describes every tool precisely, with a described and bounded parameter schema', () => {
    const problems: string[] = [];
    for (const tool of tools) {
      if (tool.description.length < 20 || tool.description.includes('\n')) problems.push(`${tool.name}: description`);
      if (tool.tags.length === 0) problems.push(`${tool.name}: no tags`);
      for (const [name, property] of Object.entries(tool.json_schema.properties as Record<string, JsonSchema>)) {
        if (typeof property.description !== 'string' || property.description.length < 5)
          problems.push(`${tool.name}.${name}: no description`);
      }
      problems.push(...unbounded(tool.json_schema, tool.name));
    }
    expect(problems).toEqual([]);
  });

  it('has a happy-path case for every read-only tool', () => {
    expect(readOnly.map((tool) => tool.name).filter((name) => !(name in HAPPY_CASES))).toEqual([]);
  });

  it.each(Object.entries(HAPPY_CASES))('%s: happy path', async (name, { args, expect: expected }) => {
    const result = await registry.run(name, args, context);
    if (!result.ok) throw new Error(`${name} failed: ${result.error}`);
    if (typeof expected === 'string') expect(result.output).toContain(expected);
    else if (Array.isArray(expected))
      expect((result.value as unknown[]).slice(0, expected.length)).toMatchObject(expected);
    else expect(result.value).toMatchObject(expected);
  });

  it.each(BAD_CASES)('%s refuses %j', async (name, args, message) => {
    const result = await registry.run(name, args, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it.each(tools.map((tool) => [tool.name]))('%s: names a stray or missing argument', (name) => {
    const tool = registry.get(name)!;
    const stray = registry.validate(name, { ...(HAPPY_CASES[name]?.args ?? {}), __stray: 1 });
    expect(stray).toMatchObject({
      ok: false,
      kind: 'schema_violation',
      message: expect.stringContaining('arguments.__stray: is not allowed'),
    });
    const required = (tool.json_schema.required as string[]) ?? [];
    if (required.length > 0) {
      const missing = registry.validate(name, {});
      expect(missing).toMatchObject({
        ok: false,
        kind: 'schema_violation',
        message: expect.stringContaining(`arguments.${required[0]}: is required`),
      });
    }
  });

  it('gives the same answer for the same seed', async () => {
    const first = await registry.run('shuffle_list', { items: ['a', 'b', 'c', 'd', 'e'], seed: 's1' }, context);
    const second = await registry.run('shuffle_list', { items: ['a', 'b', 'c', 'd', 'e'], seed: 's1' }, context);
    expect(first.ok && second.ok && first.output === second.output).toBe(true);
  });

  it('leaves network tools out unless enabled', () => {
    expect(registry.get('http_get')).toBeUndefined();
    expect(registry.get('web_search')).toBeUndefined();
    const enabled = createBuiltinTools({
      enableNetwork: true,
      networkAllowHosts: [],
      searxngUrl: 'http://127.0.0.1:8888',
    });
    expect(enabled.map((tool) => tool.name)).toEqual(expect.arrayContaining(['http_get', 'web_search']));
  });
});

describe('side-effecting file tools', () => {
  it('are marked side-effecting and report what they changed', async () => {
    const workspace = makeTempWorkspace();
    const own = toolContext(workspace);
    for (const name of ['write_file', 'append_file', 'delete_file', 'write_note'])
      expect(registry.get(name)?.side_effecting).toBe(true);
    expect(await registry.run('write_file', { path: 'out/a.md', content: 'one' }, own)).toMatchObject({
      ok: true,
      value: { changed: [{ path: 'out/a.md', action: 'created', bytes: 3 }] },
    });
    expect(await registry.run('append_file', { path: 'out/a.md', content: '+two' }, own)).toMatchObject({
      ok: true,
      value: { changed: [{ path: 'out/a.md', action: 'appended', bytes: 4 }] },
    });
    expect(fs.readFileSync(path.join(workspace, 'out/a.md'), 'utf8')).toBe('one+two');
    expect(await registry.run('delete_file', { path: 'out/a.md' }, own)).toMatchObject({
      ok: true,
      value: { changed: [{ action: 'deleted' }] },
    });
    expect(fs.existsSync(path.join(workspace, 'out/a.md'))).toBe(false);
  });

  it.each([
    ['write_file', { path: '../x.txt', content: 'x' }, /traversal/],
    ['write_file', { path: '/tmp/x.txt', content: 'x' }, /absolute/],
    ['delete_file', { path: 'missing.txt' }, /no such file/],
  ])('%s refuses %j', async (name, args, message) => {
    const result = await registry.run(name, args, toolContext(makeTempWorkspace()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
