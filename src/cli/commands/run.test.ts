// `riptide run` and `riptide resume` as a user runs them: a real child process on a temp data dir.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PendingRun, RunResult } from '../../spec/run-result.js';
import { CLI_ENTRY_ARGS } from '../../test-support/cli-entry.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
// Each command is a fresh Node process that loads the CLI through tsx: slow on a busy machine.
const PROCESS_TEST_TIMEOUT_MS = 240_000;

async function riptide(args: string[], dataDir: string): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [...CLI_ENTRY_ARGS, ...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, RIPTIDE_PROVIDER: 'offline' },
    timeout: PROCESS_TEST_TIMEOUT_MS,
  });
}

describe('riptide run', () => {
  it(
    'prints a RunResult whose answer contains 42 with --json',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
      const { stdout } = await riptide(['run', 'compute 21 * 2', '--offline', '--json'], dataDir);
      const result = JSON.parse(stdout) as RunResult;
      expect(result.status).toBe('completed');
      expect(result.final_answer).toContain('42');
      expect(result.mode).toBe('single');
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'prints the pending action on a non-TTY and continues with riptide resume',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
      const first = await riptide(
        ['run', 'save a note about water', '--offline', '--json', '--tenant', 'acme'],
        dataDir,
      );
      const pending = JSON.parse(first.stdout) as PendingRun;
      expect(pending).toMatchObject({
        status: 'pending_approval',
        action: { type: 'tool_approval', tool: 'write_note' },
      });
      const second = await riptide(['resume', pending.thread_id, '--deny', '--json'], dataDir);
      const result = JSON.parse(second.stdout) as RunResult;
      expect(result.tenant_id).toBe('acme');
      expect(result.results[0].denied).toBe(true);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'prints answer, mode, tool calls and cost without --json, and approves with --auto-approve',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
      const { stdout } = await riptide(
        ['run', 'save a note about water', '--offline', '--auto-approve', '--no-memory'],
        dataDir,
      );
      expect(stdout).toContain('mode: single');
      expect(stdout).toContain('tool: write_note');
      expect(stdout).toMatch(/cost: \$\d/);
      expect(fs.readdirSync(path.join(dataDir, 'workspace'), { recursive: true }).length).toBeGreaterThan(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
