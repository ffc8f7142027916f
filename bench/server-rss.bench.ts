// Server memory over many runs: `riptide serve` (built dist, offline model, SQLite) answers N
// sequential `POST /run`; its resident set is read from /proc after the first 1 000 runs and at the
// end. A server that keeps something per run grows with every run; one that does not levels off
// once its caches are warm. Goal (run-core issue): RSS after 10 000 runs within +64 MiB of RSS
// after 1 000. Each reply is checked (200, the answer contains 42).
// Usage: npx tsx bench/server-rss.bench.ts [total runs, default 10000]
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const total = Number.parseInt(process.argv[2] ?? '10000', 10);
const checkpoint = Math.min(1_000, total);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'riptide.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-rss-'));

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, RIPTIDE_PROVIDER: 'offline', RIPTIDE_LOG_LEVEL: 'warn', RIPTIDE_RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`riptide serve exited with ${code}: ${text.slice(-500)}`)));
  });
  child.stdout?.resume();
  return { child, base };
}

const { child, base } = await startServer();
const pid = child.pid as number;
try {
  const started = performance.now();
  let atCheckpoint = Number.NaN;
  for (let i = 1; i <= total; i++) {
    const response = await fetch(`${base}/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ task: 'compute 21 * 2' }),
    });
    const body = await response.text();
    if (response.status !== 200 || !body.includes('42'))
      throw new Error(`run ${i}: ${response.status} ${body.slice(0, 200)}`);
    if (i === checkpoint) atCheckpoint = rssMiB(pid);
    if (i % 1_000 === 0) console.log(`${i} runs, RSS ${rssMiB(pid).toFixed(1)} MiB`);
  }
  const atEnd = rssMiB(pid);
  const seconds = (performance.now() - started) / 1000;
  console.log(`RSS after ${checkpoint} runs: ${atCheckpoint.toFixed(1)} MiB; after ${total}: ${atEnd.toFixed(1)} MiB`);
  console.log(
    `growth: ${(atEnd - atCheckpoint).toFixed(1)} MiB (goal ≤ 64) over ${total - checkpoint} runs; ${seconds.toFixed(0)} s`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
