import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createCliContext } from '../cli-context.js';
import { registerRolesCommand } from './roles.js';
import { registerToolsCommand } from './tools.js';

/** Runs the real commands in-process and returns what they printed on stdout. */
async function run(args: string[], env: Record<string, string> = {}): Promise<string> {
  const program = new Command('riptide').exitOverride();
  // Listing must never open the database: open() fails loudly here if a command calls it.
  const context = createCliContext(
    () => ({}),
    async () => {
      throw new Error('context.open() must not be called by tools/roles');
    },
    env,
  );
  registerToolsCommand(program, context);
  registerRolesCommand(program, context);
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'riptide', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

describe('riptide tools / roles', () => {
  it('`tools calc --json` lists calculator first', async () => {
    const tools = JSON.parse(await run(['tools', 'calc', '--json'])) as Array<{ name: string; json_schema: unknown }>;
    expect(tools[0].name).toBe('calculator');
    expect(tools[0].json_schema).toMatchObject({ type: 'object' });
  });

  it('filters by category and hides network tools unless enabled', async () => {
    const hashing = JSON.parse(await run(['tools', '--json', '--category', 'hashing'])) as Array<{ category: string }>;
    expect(hashing.length).toBeGreaterThan(3);
    expect(hashing.every((tool) => tool.category === 'hashing')).toBe(true);
    expect(await run(['tools', '--json'])).not.toContain('"http_get"');
    expect(await run(['tools', '--json'], { RIPTIDE_ENABLE_NETWORK: '1' })).toContain('"http_get"');
  });

  it('prints a readable table', async () => {
    expect(await run(['tools', 'sha256'])).toMatch(/^sha256_hash\s+hashing\s+Compute the SHA-256/m);
  });

  it('`roles --json` lists at least 100 roles and ranks by query', async () => {
    expect((JSON.parse(await run(['roles', '--json'])) as unknown[]).length).toBeGreaterThanOrEqual(100);
    const ranked = JSON.parse(await run(['roles', 'kubernetes', '--json'])) as Array<{
      name: string;
      tools: string[] | null;
    }>;
    expect(ranked[0].name).toBe('kubernetes_operator');
    expect(await run(['roles', '--category', 'security'])).toContain('security_auditor');
  });
});
