import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempWorkspace, toolContext } from '../test-support/tool-test-context.js';
import { createToolRegistry } from '../tool-registry.js';
import { createCalculatorTool } from './calculator.js';
import { createNotesTools } from './notes.js';
import { createSafeMath } from './safe-math.js';
import { createTextBasicsTools } from './text-basics.js';

const registry = createToolRegistry({
  tools: [createCalculatorTool(createSafeMath()), ...createTextBasicsTools(), ...createNotesTools()],
  timeoutMs: 5_000,
});

describe('calculator', () => {
  const context = toolContext(makeTempWorkspace());
  it.each([
    ['17 * 23', '391'],
    ['21 * 2', '42'],
    ['(1 + 2) ^ 3 / 9', '3'],
    ['sqrt(16) + 10 % 3', '5'],
    ['2.54 cm to inch', '1 inch'],
  ])('evaluates %s', async (expression, expected) => {
    expect(await registry.run('calculator', { expression }, context)).toMatchObject({ ok: true, output: expected });
  });

  it.each([
    ['import({}, {})', /disabled/],
    ['evaluate("1+1")', /disabled/],
    ['parse("1")', /disabled/],
    ['createUnit("foo")', /disabled/],
    ['1:100000000', /disabled/],
    ['a = 5', /disabled/],
    ['2 +', /cannot evaluate/],
    ['f(x) = x', /disabled/],
  ])('refuses %s', async (expression, message) => {
    const result = await registry.run('calculator', { expression }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('text basics', () => {
  const context = toolContext(makeTempWorkspace());
  it('counts words, characters, lines and sentences', async () => {
    const result = await registry.run('word_count', { text: 'One two three. Four five!\nSix' }, context);
    expect(result).toMatchObject({ ok: true, value: { words: 6, characters: 29, lines: 2, sentences: 2 } });
  });
  it('uppercases', async () => {
    expect(await registry.run('uppercase', { text: 'héllo' }, context)).toMatchObject({ ok: true, output: 'HÉLLO' });
  });
  it('names the bad field', async () => {
    expect(await registry.run('word_count', { text: 3 }, context)).toMatchObject({
      ok: false,
      kind: 'schema_violation',
      error: 'arguments.text: must be string',
    });
  });
});

describe('notes and kb_search', () => {
  it('writes, reads and searches notes per tenant', async () => {
    const workspace = makeTempWorkspace();
    const acme = toolContext(workspace, 'acme');
    const other = toolContext(workspace, 'other');
    expect(
      await registry.run('write_note', { title: 'deploy', content: 'Deploys run on Tuesday at 10:00 UTC.' }, acme),
    ).toMatchObject({
      ok: true,
      value: { saved: 'deploy.md', action: 'created' },
    });
    await registry.run('write_note', { content: 'The cafeteria serves pasta on Friday' }, acme);
    expect(fs.existsSync(path.join(workspace, 'notes', 'acme', 'deploy.md'))).toBe(true);
    expect(await registry.run('read_note', { title: 'deploy' }, acme)).toMatchObject({
      ok: true,
      output: 'Deploys run on Tuesday at 10:00 UTC.',
    });
    const hits = await registry.run('kb_search', { query: 'when do deployments happen' }, acme);
    expect(hits.ok && (hits.value as Array<{ title: string }>)[0]?.title).toBe('deploy');
    expect(await registry.run('kb_search', { query: 'deploy' }, other)).toMatchObject({ ok: true, value: [] });
    expect((await registry.run('read_note', { title: 'deploy' }, other)).ok).toBe(false);
  });

  it.each([
    [{ title: '../escape', content: 'x' }, /traversal|separators/],
    [{ title: '/etc/cron.d/x', content: 'x' }, /separators|absolute/],
    [{ title: 'ok', content: 'x'.repeat(256 * 1024 + 1) }, /must NOT have more than/],
  ])('refuses unsafe notes %#', async (args, message) => {
    const workspace = makeTempWorkspace();
    const result = await registry.run('write_note', args, toolContext(workspace));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses a tenant notes directory that is a symlink out of the workspace', async () => {
    const workspace = makeTempWorkspace();
    const outside = makeTempWorkspace();
    fs.mkdirSync(path.join(workspace, 'notes'));
    fs.symlinkSync(outside, path.join(workspace, 'notes', 'default'));
    const result = await registry.run('write_note', { title: 'x', content: 'x' }, toolContext(workspace));
    expect(result).toMatchObject({ ok: false, kind: 'tool_error' });
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('refuses an invalid tenant id', async () => {
    const result = await registry.run('read_note', { title: 'x' }, toolContext(makeTempWorkspace(), '../other'));
    expect(result.ok).toBe(false);
  });
});
