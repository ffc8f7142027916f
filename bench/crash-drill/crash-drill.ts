// Crash drill: SIGKILL riptide processes at random points of interactive runs (running, paused,
// mid-resume), restart, and check that every run ends — completed, failed or pending, none left
// running without an owner — that each approved side effect happened exactly once, and that the
// SQLite file passes PRAGMA integrity_check. The PostgreSQL round runs two processes on one
// database, kills one, and checks the survivor takes its runs over.
// Usage: npx tsx bench/crash-drill/crash-drill.ts [--rounds 20] [--backend sqlite|postgres|both]
//   (PostgreSQL: RIPTIDE_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres)
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import pg from 'pg';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const ROUNDS = Number(argument('rounds', '20'));
const BACKEND = argument('backend', 'both');
const ADMIN_URL = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHILD = new URL('./drill-process.ts', import.meta.url).pathname;

interface Summary {
  taken: number;
  byStatus: Record<string, number>;
  completedMarkers: string[];
  pendingMarkers: string[];
}

interface DrillProcess {
  child: ChildProcess;
  ready: Promise<void>;
  output: Promise<string>;
  /** Resolves once the process has finished `count` resumes (its runs are past approval). */
  resumed(count: number): Promise<void>;
}

function start(args: string[]): DrillProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  let markReady: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A worker that dies before it is ready fails its round instead of hanging the drill (a recovery
  // process never says ready: nobody waits for it, so its rejection is not an unhandled one).
  ready.catch(() => undefined);
  child.on('exit', (code, signal) => markFailed(new Error(`drill process exited before ready (${code ?? signal})`)));
  const waiters: { count: number; wake: () => void }[] = [];
  const resumesSoFar = () => text.split('resumed\n').length - 1;
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    if (text.includes('ready\n')) markReady();
    for (const waiter of waiters.filter((entry) => resumesSoFar() >= entry.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.wake();
    }
  });
  const output = new Promise<string>((resolve) => child.on('exit', () => resolve(text)));
  const resumed = (count: number) =>
    resumesSoFar() >= count ? Promise.resolve() : new Promise<void>((wake) => waiters.push({ count, wake }));
  return { child, ready, output, resumed };
}

/**
 * Kills a worker at a random point of its work, judged by its progress rather than by the clock (a
 * busy machine slows the process down, not the drill's coverage): after a random number of finished
 * resumes, and a random moment later, so the kill lands while runs are running, paused or resuming.
 */
async function killSomewhereInTheWork(worker: DrillProcess): Promise<void> {
  const progressed = worker.resumed(1 + Math.floor(Math.random() * 6));
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the drill process made no progress in 3 minutes')), 180_000);
  });
  // The timer is cleared once the race is decided, so it does not hold the drill open for 3 minutes.
  await Promise.race([progressed, stalled]).finally(() => clearTimeout(timer));
  await sleep(randomBetween(0, 400));
  await killHard(worker.child);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomBetween = (low: number, high: number) => low + Math.random() * (high - low);

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Checks one round's outcome; returns the problems found. */
function check(dataDir: string, summary: Summary): string[] {
  const problems: string[] = [];
  const logFile = path.join(dataDir, 'effects.log');
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
  const counts = new Map<string, number>();
  // Each line is "<marker> <idempotency key>"; what counts is how often each marker's effect happened.
  for (const line of lines) {
    const marker = line.split(' ')[0];
    counts.set(marker, (counts.get(marker) ?? 0) + 1);
  }
  if ((summary.byStatus.running ?? 0) > 0) problems.push(`${summary.byStatus.running} run(s) still running`);
  for (const marker of summary.completedMarkers) {
    if (counts.get(marker) !== 1)
      problems.push(`completed run ${marker}: side effect ran ${counts.get(marker) ?? 0} times`);
  }
  for (const marker of summary.pendingMarkers) {
    if (counts.has(marker)) problems.push(`pending run ${marker}: side effect ran before approval`);
  }
  for (const [marker, count] of counts) if (count > 1) problems.push(`side effect ${marker} ran ${count} times`);
  return problems;
}

async function sqliteRound(round: number): Promise<{ problems: string[]; summary: Summary }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `riptide-drill-${round}-`));
  try {
    const worker = start(['work', dataDir, '-', 'drill-a']);
    await worker.ready;
    await killSomewhereInTheWork(worker);
    const recovery = start(['recover', dataDir, '-', 'drill-b']);
    const summary = JSON.parse((await recovery.output).trim().split('\n').pop() ?? '{}') as Summary;
    const problems = check(dataDir, summary);
    const database = new Database(path.join(dataDir, 'riptide.sqlite'));
    // raw().get(), not libsql's pragma({ simple }) helper, which returns the whole row.
    const [integrity] = database.prepare('PRAGMA integrity_check').raw().get() as [string];
    const [journal] = database.prepare('PRAGMA journal_mode').raw().get() as [string];
    database.close();
    if (journal !== 'wal') problems.push(`journal_mode: ${journal}`);
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    return { problems, summary };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresRound(round: number): Promise<{ problems: string[]; summary: Summary }> {
  const database = `riptide_drill_${process.pid}_${round}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `riptide-drill-pg-${round}-`));
  try {
    const victim = start(['work', dataDir, url.toString(), 'drill-victim']);
    const survivor = start(['work', dataDir, url.toString(), 'drill-survivor']);
    await Promise.all([victim.ready, survivor.ready]);
    await killSomewhereInTheWork(victim);
    // The survivor keeps working and must take over the victim's runs once their leases expire.
    const problems: string[] = [];
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const deadline = Date.now() + 30_000;
    let stranded = -1;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM runs WHERE status = 'running' AND owner = 'drill-victim'",
      );
      stranded = rows[0].n;
      if (stranded === 0) break;
      await sleep(200);
    }
    await client.end();
    if (stranded !== 0) problems.push(`${stranded} of the killed process's runs were not taken over`);
    await killHard(survivor.child);
    const recovery = start(['recover', dataDir, url.toString(), 'drill-recovery']);
    const summary = JSON.parse((await recovery.output).trim().split('\n').pop() ?? '{}') as Summary;
    problems.push(...check(dataDir, summary));
    return { problems, summary };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function drill(name: string, round: (index: number) => Promise<{ problems: string[]; summary: Summary }>) {
  let passed = 0;
  const totals: Record<string, number> = {};
  let taken = 0;
  for (let index = 0; index < ROUNDS; index += 1) {
    const { problems, summary } = await round(index);
    taken += summary.taken;
    for (const [status, count] of Object.entries(summary.byStatus)) totals[status] = (totals[status] ?? 0) + count;
    if (problems.length === 0) passed += 1;
    console.log(
      `${name} round ${index + 1}: ${problems.length === 0 ? 'ok' : problems.join('; ')} ${JSON.stringify(summary.byStatus)}`,
    );
  }
  console.log(
    `${name}: ${passed} of ${ROUNDS} rounds passed; runs by final status ${JSON.stringify(totals)}; ${taken} taken over at restart`,
  );
  return passed === ROUNDS;
}

let ok = true;
if (BACKEND === 'sqlite' || BACKEND === 'both') ok = (await drill('sqlite', sqliteRound)) && ok;
if (BACKEND === 'postgres' || BACKEND === 'both') ok = (await drill('postgres', postgresRound)) && ok;
process.exitCode = ok ? 0 : 1;
