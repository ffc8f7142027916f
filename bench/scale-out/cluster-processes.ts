// Bench support for the scale-out scenario: a throwaway PostgreSQL database, riptide API and worker
// processes started from the built CLI (ready when they print their banner, failed when they exit
// first), and a clock for the phases of a run whose deadlines grow with the number of runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const CLI = new URL('../../bin/riptide.js', import.meta.url).pathname;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A database of its own on the server of `adminUrl`, dropped (with its connections) afterwards. */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `riptide_scale_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface RiptideProcess {
  child: ChildProcess;
  /** Resolves when the process printed `readyText`; rejects when it exits first or `timeoutMs` passes. */
  ready: Promise<void>;
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number;
}

const CLOCK_TICKS = 100;

// Every process started, so a bench that stops on an error does not leave a cluster running.
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

export function startRiptide(
  args: string[],
  env: Record<string, string>,
  readyText: string,
  timeoutMs = 60_000,
): RiptideProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  const ready = new Promise<void>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`riptide ${args[0]} not ready after ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`riptide ${args[0]} exited (${signal ?? code}) before it was ready`));
    });
  });
  // Keep draining stdout so a chatty child never blocks on a full pipe.
  ready.catch(() => undefined);
  return {
    child,
    ready,
    cpuSeconds() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name): utime, stime.
        const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      } catch {
        return Number.NaN;
      }
    },
  };
}

/** A fresh data directory, removed by the returned function. */
export function scratchDirectory(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-scale-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `probe` until it returns a value, or throws naming the phase when `deadline` passes. */
export async function waitFor<T>(phase: string, deadline: number, probe: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${phase}: not reached before its deadline`);
    await sleep(250);
  }
}
