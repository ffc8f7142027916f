// `riptide serve` beyond loopback: keys by default, a refusal to start with auth off (naming
// --insecure-no-auth), and a loud warning when that flag is given.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/test-support/spawn-serve.js';
import { CLI_ENTRY_ARGS, REPO_ROOT } from '../../test-support/cli-entry.js';

const SPAWN_TIMEOUT_MS = 90_000;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const dataDirs: string[] = [];

function serve(args: string[], env: Record<string, string>): Started {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  dataDirs.push(dataDir);
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('RIPTIDE_')));
  const child = spawn(process.execPath, [...CLI_ENTRY_ARGS, 'serve', '--data-dir', dataDir, ...args], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv, RIPTIDE_PROVIDER: 'offline', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function listening(started: Started): Promise<void> {
  const deadline = Date.now() + SPAWN_TIMEOUT_MS;
  while (!/riptide serving on/.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`serve exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`serve did not start:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('riptide serve beyond loopback', { timeout: SPAWN_TIMEOUT_MS * 2 }, () => {
  it('refuses to start with auth off, naming --insecure-no-auth', async () => {
    const started = serve(['--host', '0.0.0.0', '--port', String(await freePort())], { RIPTIDE_AUTH: 'off' });
    expect(await started.exited).not.toBe(0);
    expect(started.output()).toContain('--insecure-no-auth');
    expect(started.output()).not.toContain('riptide serving on');
  });

  it('requires keys by default, and serves only with them', async () => {
    const port = await freePort();
    const started = serve(['--host', '0.0.0.0', '--port', String(port)], {});
    await listening(started);
    expect(started.output()).toContain('API keys required');
    const refused = await fetch(`http://127.0.0.1:${port}/api/meta`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('serves without keys with --insecure-no-auth, and says so on stderr', async () => {
    const port = await freePort();
    const started = serve(['--host', '0.0.0.0', '--port', String(port), '--insecure-no-auth'], {});
    await listening(started);
    expect(started.output()).toContain('WITHOUT authentication');
    expect((await fetch(`http://127.0.0.1:${port}/api/meta`)).status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});
