// Starts a real `riptide serve` child process on a free port with a temp data dir, for the browser tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_ENTRY_ARGS } from '../../src/test-support/cli-entry.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StudioServer {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`riptide serve exited early (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`riptide serve did not answer /healthz within ${timeoutMs} ms:\n${output()}`);
}

export async function startStudioServer(
  extraEnv: Record<string, string> = {},
  /** A data dir the caller prepared (and removes); default a fresh temp dir removed on stop. */
  options: { dataDir?: string } = {},
): Promise<StudioServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'riptide-studio-'));
  let log = '';
  const child = spawn(process.execPath, [...CLI_ENTRY_ARGS, 'serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, RIPTIDE_PROVIDER: 'offline', RIPTIDE_LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => log, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => log, stop };
}
