// `riptide memory …` and `riptide costs` against a data directory seeded through the real store
// and memory; the commands run in-process on the real createRiptide components.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemory } from '../../memory/create-memory.js';
import { createRiptide } from '../../riptide.js';
import { createSqliteStore } from '../../store/sqlite-store.js';
import { sampleUsage } from '../../testing/store-fixtures.js';
import { type CliContext, createCliContext } from '../cli-context.js';
import { registerCostsCommand } from './costs.js';
import { registerMemoryCommand } from './memory.js';

describe('riptide memory and riptide costs', () => {
  let dir: string;
  let context: CliContext;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    const dataDir = path.join(dir, 'data');
    const env = {
      RIPTIDE_DATA_DIR: dataDir,
      RIPTIDE_TENANT_BUDGET_USD: '1',
      RIPTIDE_TENANT_BUDGETS: JSON.stringify({ vip: 5 }),
    };
    const store = await createSqliteStore({ file: path.join(dataDir, 'riptide.sqlite') });
    const memory = createMemory({ store });
    const base = { threadId: 't1', finalAnswer: '42', success: true, tags: ['math'] };
    await memory.remember({
      ...base,
      tenantId: 'acme',
      task: 'compute 21 * 2',
      lesson: 'Use the calculator tool for arithmetic.',
    });
    await memory.remember({
      ...base,
      tenantId: 'acme',
      task: 'summarize a report',
      lesson: 'Keep summaries short.',
      tags: [],
    });
    await memory.remember({
      ...base,
      tenantId: 'globex',
      task: 'compute 2 + 2',
      lesson: 'Globex wants answers in words.',
    });
    await store.recordUsage(sampleUsage({ tenant_id: 'acme', cost_usd: 0.25, total_tokens: 100 }));
    await store.recordUsage(sampleUsage({ tenant_id: 'acme', cost_usd: 0.5, total_tokens: 50, blocked: true }));
    await store.close();
    context = createCliContext(() => ({}), createRiptide, env);
  });

  afterAll(async () => {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs one command line and returns what it printed. */
  async function riptide(args: string[]): Promise<{ stdout: string; stderr: string }> {
    const program = new Command('riptide').exitOverride();
    registerMemoryCommand(program, context);
    registerCostsCommand(program, context);
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      await program.parseAsync(args, { from: 'user' });
    } finally {
      vi.restoreAllMocks();
    }
    return { stdout, stderr };
  }

  it('lists and searches one tenant’s lessons', async () => {
    const listed = await riptide(['memory', 'list', '--tenant', 'acme', '--json']);
    const lessons = JSON.parse(listed.stdout) as { text: string; embedding?: unknown }[];
    expect(lessons.map((lesson) => lesson.text).sort()).toEqual([
      'Keep summaries short.',
      'Use the calculator tool for arithmetic.',
    ]);
    expect(lessons[0].embedding).toBeUndefined();

    const found = await riptide(['memory', 'search', 'which calculator for arithmetic', '--tenant', 'acme']);
    expect(found.stdout.split('\n')[0]).toContain('Use the calculator tool for arithmetic.  [math]');
    expect(found.stdout).not.toContain('Globex');
    expect((await riptide(['memory', 'list', '--tenant', 'initech'])).stderr).toContain(
      "no lessons for tenant 'initech'",
    );
  }, 60_000);

  it('prints the per-tenant cost table with budgets', async () => {
    const report = JSON.parse((await riptide(['costs', '--json'])).stdout);
    expect(report.acme).toMatchObject({ runs: 2, blocked: 1, total_tokens: 150, cost_usd: 0.75, budget_usd: 1 });
    expect(report.acme.remaining_usd).toBeCloseTo(0.25, 10);
    expect(report.vip).toMatchObject({ runs: 0, budget_usd: 5, remaining_usd: 5 });

    const lines = (await riptide(['costs'])).stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tenant\s+runs\s+blocked\s+tokens\s+cost\s+budget\s+remaining$/);
    expect(lines[1]).toMatch(/^acme\s+2\s+1\s+150\s+\$0\.7500\s+\$1\.0000\s+\$0\.2500$/);
    expect(lines[2]).toMatch(/^vip\s+0\s+0\s+0\s+\$0\.0000\s+\$5\.0000\s+\$5\.0000$/);
  }, 60_000);

  it('clears only the named tenant and rejects a bad tenant id', async () => {
    await expect(riptide(['memory', 'clear', '--tenant', '../etc'])).rejects.toThrow(/--tenant/);
    const cleared = await riptide(['memory', 'clear', '--tenant', 'acme', '--json']);
    expect(JSON.parse(cleared.stdout)).toEqual({ tenant_id: 'acme', removed: 2 });
    expect(JSON.parse((await riptide(['memory', 'list', '--tenant', 'globex', '--json'])).stdout)).toHaveLength(1);
  }, 60_000);
});
