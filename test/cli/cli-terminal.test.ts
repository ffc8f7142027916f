// The CLI as a person meets it in a terminal: a real child process under a pseudo-terminal
// (util-linux `script`, its width set with `stty cols`), answering the approval prompt like a user.
// A terminal that reports 0 columns gets plain progress lines, never a spinner redraw loop; one of
// 80 columns gets the spinner; both show the prompt and finish the run.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY_ARGS, REPO_ROOT } from '../../src/test-support/cli-entry.js';

const execFileAsync = promisify(execFile);
// Every command is a fresh Node process; on a busy machine that takes a while.
const PROCESS_TIMEOUT_MS = 240_000;
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** A CLI process inside a pseudo-terminal of the given width; everything it draws is collected. */
function underTerminal(
  columns: number,
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string } {
  const command = [process.execPath, ...CLI_ENTRY_ARGS, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', `stty cols ${columns} rows 30; exec ${command}`, '/dev/null'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return { child, output: () => output };
}

async function waitFor(condition: () => boolean, what: string, deadlineMs = PROCESS_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code ?? 1));
  });

describe('riptide in a terminal', { timeout: PROCESS_TIMEOUT_MS * 2 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-terminal-'));
    env = { PATH: process.env.PATH, HOME: os.homedir(), TERM: 'xterm-256color', RIPTIDE_PROVIDER: 'offline' };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const columns of [0, 80]) {
    it(`asks for approval and finishes on a terminal of ${columns} columns`, async () => {
      const dataDir = path.join(dir, `data-${columns}`);
      const { child, output } = underTerminal(
        columns,
        ['run', 'save a note about water', '--offline', '--no-memory', '--data-dir', dataDir],
        env,
      );
      await waitFor(() => output().includes('Allow write_note'), 'the approval prompt');
      // The prompt is waiting for a person: what was drawn so far is bounded, whatever the width.
      expect(output().length).toBeLessThan(20_000);
      child.stdin?.write('y\r');
      const code = await exited(child);
      const text = output();
      expect(code).toBe(0);
      expect(text).toContain('tool: write_note');
      expect(text).toMatch(/mode: single · status: completed/);
      expect(text.length).toBeLessThan(40_000);
      // ora's first "dots" frame: drawn only where a line can be redrawn in place.
      if (columns === 0) {
        expect(text).not.toContain('⠋');
        expect(text).toMatch(/^running…\r?$/m);
      } else {
        expect(text).toContain('⠋');
      }
      expect(fs.readdirSync(path.join(dataDir, 'workspace'), { recursive: true }).length).toBeGreaterThan(0);
    });
  }
});

describe('riptide command-line checks', { timeout: PROCESS_TIMEOUT_MS }, () => {
  const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [...CLI_ENTRY_ARGS, ...args], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: os.homedir(),
          RIPTIDE_DATA_DIR: path.join(os.tmpdir(), 'riptide-cli-checks'),
        },
        timeout: PROCESS_TIMEOUT_MS,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: Number(failed.code ?? 1), stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };

  it('prints the package version with --version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await cli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('names the flag and the accepted range for a value that is not a number', async () => {
    const vote = await cli(['run', 'compute 21 * 2', '--offline', '--vote', 'abc']);
    expect(vote.code).not.toBe(0);
    expect(vote.stderr).toContain("option '--vote <k>' argument 'abc' is invalid");
    expect(vote.stderr).toContain('expected an integer from 1 to 15');
    expect(vote.stderr).not.toContain('NaN');
    const temperature = await cli(['run', 'compute 21 * 2', '--offline', '--temperature', 'warm']);
    expect(temperature.stderr).toContain('expected a number from 0 to 2');
  });

  it('reports invalid run options before any progress is printed', async () => {
    const result = await cli(['run', 'compute 21 * 2', '--offline', '--tenant', '.hidden']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^riptide: validation_error: .*tenant_id/);
    expect(result.stderr).not.toContain('running');
  });

  it('lists every problem of a workflow file at once, shape errors included', async () => {
    const file = path.join(os.tmpdir(), `riptide-broken-workflow-${process.pid}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: 'broken',
        goal: 'g',
        nodes: [
          { id: 'a', role: 'analyst', subtask: 'x', label: 'A' },
          { id: 'b', role: 42, subtask: 'y', label: 'B' },
          { id: 'a', role: 'wizard', subtask: '', label: 'C' },
        ],
        edges: [{ source: 'a', target: 'ghost' }, { source: 'b' }, { source: 'b', target: 'b' }],
      }),
    );
    try {
      const result = await cli(['workflow', 'validate', file]);
      expect(result.code).toBe(1);
      const problems = result.stderr.split('\n').filter((line) => line.startsWith('  - '));
      expect(result.stderr).toContain(`${problems.length} problems`);
      expect(problems).toHaveLength(7);
      expect(result.stderr).toContain('nodes[1].role');
      expect(result.stderr).toContain('edges[1].target');
      expect(result.stderr).toContain("nodes[2].id: duplicate id 'a'");
      expect(result.stderr).toContain("nodes[2].role: unknown role 'wizard'");
      expect(result.stderr).toContain('nodes[2].subtask: must not be empty');
      expect(result.stderr).toContain("edges[0].target: dangling edge, no node with id 'ghost'");
      expect(result.stderr).toContain("edges[2]: self-edge, node 'b' depends on itself");
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
