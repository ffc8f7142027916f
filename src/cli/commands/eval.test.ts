import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY_ARGS } from '../../test-support/cli-entry.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function riptide(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...CLI_ENTRY_ARGS, ...args],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('riptide eval', { timeout: 300_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes the default suite offline at --min-pass-rate 1.0, printing a table', async () => {
    const dataDir = path.join(dir, 'data');
    const { code, stdout, stderr } = await riptide(['eval', '--offline', '--min-pass-rate', '1.0'], {
      RIPTIDE_DATA_DIR: dataDir,
    });
    expect(stderr).not.toMatch(/FAIL|riptide:/);
    expect(code).toBe(0);
    for (const id of [
      'single-tool-use',
      'word-counting',
      'swarm-routing',
      'guardrail-blocking',
      'approval-stop',
      'structured-output',
      'critic-exclusion',
      'self-learning-recall',
    ]) {
      expect(stdout).toMatch(new RegExp(`^${id}\\s+PASS`, 'm'));
    }
    expect(stdout).toMatch(/passed 8\/8 \(100\.0%\)/);
    // Progress lines on stderr when it is not a terminal.
    expect(stderr).toMatch(/\[8\/8\] self-learning-recall PASS/);
    // The eval never created the user's data directory.
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('exits non-zero below the threshold and names the failing task', async () => {
    const suiteFile = path.join(dir, 'failing.yaml');
    fs.writeFileSync(
      suiteFile,
      [
        'name: failing',
        'tasks:',
        '  - id: arithmetic-ok',
        '    prompt: compute 21 * 2',
        '    expect: { substring: "42" }',
        '  - id: wrong-on-purpose',
        '    prompt: compute 21 * 2',
        '    expect: { substring: "forty-three" }',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await riptide(
      ['eval', '--offline', '--suite', suiteFile, '--min-pass-rate', '1'],
      {
        RIPTIDE_DATA_DIR: path.join(dir, 'data'),
      },
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^wrong-on-purpose\s+FAIL/m);
    expect(stderr).toContain('pass rate 50.0% is below 100.0%');
    expect(stderr).toContain("wrong-on-purpose: answer lacks 'forty-three'");
    expect(stderr).not.toMatch(/ {2}- arithmetic-ok/);
  });

  it('prints the report as JSON, and without a threshold a failure does not change the exit code', async () => {
    const suiteFile = path.join(dir, 'one.json');
    fs.writeFileSync(
      suiteFile,
      JSON.stringify({ name: 'one', tasks: [{ id: 'miss', prompt: 'compute 1 + 1', expect: { substring: 'three' } }] }),
    );
    const { code, stdout } = await riptide(['eval', '--offline', '--suite', suiteFile, '--json'], {
      RIPTIDE_DATA_DIR: path.join(dir, 'data'),
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ suite: 'one', n_total: 1, n_passed: 0, pass_rate: 0 });
    expect(report.results[0]).toMatchObject({ task_id: 'miss', passed: false, notes: ["answer lacks 'three'"] });
  });

  it('rejects a bad threshold and an invalid suite file with a clear message', async () => {
    const badRate = await riptide(['eval', '--min-pass-rate', '2'], {});
    expect(badRate.code).toBe(1);
    expect(badRate.stderr).toContain('--min-pass-rate: must be a number from 0 to 1');
    const suiteFile = path.join(dir, 'bad.yaml');
    fs.writeFileSync(suiteFile, 'tasks:\n  - id: x\n');
    const badSuite = await riptide(['eval', '--suite', suiteFile], {});
    expect(badSuite.code).toBe(1);
    expect(badSuite.stderr).toMatch(/bad\.yaml\.tasks\[0\]\.prompt/);
  });
});
