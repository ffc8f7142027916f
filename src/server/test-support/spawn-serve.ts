// Test support: `riptide serve` as a real child process on a free loopback port, with a clean
// environment (no provider keys from the developer's shell) plus the variables a test sets.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { CLI_ENTRY_ARGS } from '../../test-support/cli-entry.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

export async function spawnServe(dataDir: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const port = await freePort();
  const baseEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('RIPTIDE_') || key.endsWith('_API_KEY') || key === 'OPENAI_BASE_URL') {
      continue;
    }
    baseEnv[key] = value;
  }
  const child = spawn(process.execPath, [...CLI_ENTRY_ARGS, 'serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...baseEnv, RIPTIDE_PROVIDER: 'offline', RIPTIDE_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/riptide serving on http:\/\/127\.0\.0\.1:\d+/.test(output)) {
        child.stdout?.off('data', check);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    exited.then((code) => reject(new Error(`riptide serve exited with ${code} before listening:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}
