// Start-up figures of issue 13, beside `node -e 1` measured in the same rounds: median wall and CPU
// (user + sys of the child) of N cold spawns of `import('riptide')`, `riptide --help` and an offline
// `riptide run "compute 21 * 2"`, interleaved so load on the machine hits every command alike. Needs
// `npm run build:server`. Usage: npx tsx bench/startup.bench.ts [rounds=7]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 7);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-startup-bench-'));
const bin = path.join(root, 'bin/riptide.js');

const commands: Record<string, string[]> = {
  'node -e 1 (anchor)': ['-e', '1'],
  "import('riptide')": ['--input-type=module', '-e', "await import('riptide')"],
  'riptide --help': [bin, '--help'],
  'riptide run --offline': [bin, 'run', 'compute 21 * 2', '--offline'],
};

const samples = new Map(Object.keys(commands).map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(commands)) {
    const started = performance.now();
    // spawnSync reports no CPU time, so a bash wrapper prints its children's user/sys with `times`
    // (the wrapper's own few ms fall on every command, the anchor's too).
    const result = spawnSync(
      'bash',
      ['-c', 'node "$@" >/dev/null 2>&1; status=$?; times; exit $status', 'bench', ...args],
      {
        cwd: root,
        env: { ...process.env, RIPTIDE_DATA_DIR: dataDir, NO_COLOR: '1' },
        encoding: 'utf8',
      },
    );
    const wall = performance.now() - started;
    if (result.status !== 0) throw new Error(`${name} exited with ${result.status}: ${result.stderr}`);
    // `times` prints the shell's then its children's user/sys, e.g. "0m0.412s 0m0.051s".
    const childLine = result.stdout.trim().split('\n').at(-1) ?? '';
    const seconds = [...childLine.matchAll(/(\d+)m([\d.]+)s/g)].map(
      (match) => Number(match[1]) * 60 + Number(match[2]),
    );
    const entry = samples.get(name) as { wall: number[]; cpu: number[] };
    entry.wall.push(wall);
    entry.cpu.push((seconds[0] + seconds[1]) * 1000);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const anchor = samples.get('node -e 1 (anchor)') as { wall: number[]; cpu: number[] };
console.log(
  `startup, ${rounds} interleaved rounds, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
);
for (const [name, { wall, cpu }] of samples) {
  const ratio = (median(wall) / median(anchor.wall)).toFixed(1);
  console.log(
    `${name.padEnd(24)} wall ${median(wall).toFixed(0).padStart(5)} ms (${ratio}× anchor)   cpu ${median(cpu).toFixed(0).padStart(5)} ms`,
  );
}
fs.rmSync(dataDir, { recursive: true, force: true });
