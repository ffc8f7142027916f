import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY_ARGS } from '../../test-support/cli-entry.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('riptide workflow', { timeout: 420_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    env = { PATH: process.env.PATH ?? '', HOME: os.homedir(), RIPTIDE_DATA_DIR: path.join(dir, 'data') };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const riptide = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [...CLI_ENTRY_ARGS, ...args], { cwd: repoRoot, env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  const spec = {
    name: 'cli-flow',
    goal: 'compute 21 * 2 and count the words in "a b c"',
    mode: 'swarm',
    nodes: [
      { id: 'calc', role: 'analyst', subtask: 'compute 21 * 2', label: 'Calculate', x: 0, y: 0 },
      { id: 'count', role: 'analyst', subtask: 'count the words in "a b c"', label: 'Count', x: 0, y: 0 },
      { id: 'report', role: 'scribe', subtask: 'write up both results', label: 'Report', x: 0, y: 0 },
    ],
    edges: [
      { source: 'calc', target: 'report' },
      { source: 'count', target: 'report' },
    ],
  };

  it('validates a file, listing every problem of an invalid one', async () => {
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(spec));
    const valid = await riptide(['workflow', 'validate', good]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain("valid workflow 'cli-flow' — 3 nodes, 2 edges, 2 waves");
    expect(valid.stdout).toContain('wave 1: calc, count');

    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      bad,
      'name: bad\ngoal: g\nnodes:\n  - {id: a, role: analyst, subtask: s, label: A}\n  - {id: b, role: ghost, subtask: s, label: B}\nedges:\n  - {source: a, target: b}\n  - {source: b, target: a}\n',
    );
    const invalid = await riptide(['workflow', 'validate', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('2 problems');
    expect(invalid.stderr).toContain("nodes[1].role: unknown role 'ghost'");
    expect(invalid.stderr).toContain('edges: cycle a → b → a');
  });

  it('saves, lists and runs a workflow by file and by name', async () => {
    const file = path.join(dir, 'flow.json');
    fs.writeFileSync(file, JSON.stringify(spec));
    const saved = await riptide(['workflow', 'save', file]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain("saved workflow 'cli-flow'");
    const listed = await riptide(['workflow', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual(['cli-flow']);

    const byName = await riptide(['workflow', 'run', 'cli-flow', '--offline', '--json', '--no-memory']);
    expect(byName.code).toBe(0);
    const result = JSON.parse(byName.stdout);
    expect(result).toMatchObject({ status: 'completed', mode: 'swarm', roles: ['analyst', 'analyst', 'scribe'] });
    expect(result.final_answer).toContain('42');

    const byFile = await riptide(['workflow', 'run', file, '--offline']);
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toContain('mode: swarm');
    expect(byFile.stdout).toContain('[analyst] compute 21 * 2 — tools: calculator');

    const missing = await riptide(['workflow', 'run', 'no-such-flow', '--offline']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("unknown_workflow: no saved workflow named 'no-such-flow'");
  });
});
