// Budget drill: 50 concurrent runs for a tenant whose budget covers 1.5 runs, on the offline model
// priced through RIPTIDE_MODEL_PRICES, on SQLite and on PostgreSQL. Prints the recorded spend against
// the ceiling; the goal is spend ≤ ceiling + the cost of one model call (before budget reservations,
// 15 runs completed and spend reached 1178 % of the ceiling).
// Usage: npx tsx bench/budget-drill.ts [--runs 50]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { createRiptide } from '../src/riptide.js';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 50;
const PRICES = JSON.stringify({ 'riptide-offline': { input_per_mtok: 1_000, output_per_mtok: 2_000 } });
const TASK = {
  task: 'compute 21 * 2',
  tenant_id: 'acme',
  memory: false,
  guardrails: false,
  offline: true,
  max_tokens: 64,
};
const ADMIN_URL = process.env.RIPTIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function drill(backend: 'sqlite' | 'postgres'): Promise<boolean> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-budget-drill-'));
  const database = `riptide_budget_${process.pid}`;
  const admin = backend === 'postgres' ? new pg.Client({ connectionString: ADMIN_URL }) : null;
  let databaseUrl: string | undefined;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const env = {
    RIPTIDE_DATA_DIR: dataDir,
    RIPTIDE_MODEL_PRICES: PRICES,
    ...(databaseUrl ? { RIPTIDE_DATABASE_URL: databaseUrl } : {}),
  };
  try {
    // What one run and one model call cost, measured on an unbudgeted tenant first.
    const probe = await createRiptide(loadConfig(env));
    const sample = await probe.runs.runTask({ ...TASK, tenant_id: 'probe' });
    await probe.close();
    const perRun = sample.metrics.cost_usd;
    const perCall = Math.max(...(await probeCalls(env)));
    const ceiling = perRun * 1.5;
    const riptide = await createRiptide(
      loadConfig({ ...env, RIPTIDE_TENANT_BUDGETS: JSON.stringify({ acme: ceiling }) }),
    );
    const outcomes = await Promise.allSettled(Array.from({ length: RUNS }, () => riptide.runs.runTask(TASK)));
    const completed = outcomes.filter((o) => o.status === 'fulfilled' && o.value.status === 'completed').length;
    const refused = outcomes.filter((o) => o.status === 'rejected').length;
    const spent = await riptide.store.tenantSpend('acme');
    await riptide.close();
    const ok = spent <= ceiling + perCall + 1e-12;
    console.log(
      `${backend}: ${RUNS} concurrent runs, budget $${ceiling.toFixed(4)} (1.5 runs of $${perRun.toFixed(4)}): ` +
        `${completed} completed, ${refused} refused or stopped; spent $${spent.toFixed(4)} = ` +
        `${((100 * spent) / ceiling).toFixed(1)} % of the ceiling (limit: ceiling + one call = ` +
        `${((100 * (ceiling + perCall)) / ceiling).toFixed(1)} %) → ${ok ? 'ok' : 'OVERSPENT'}`,
    );
    return ok;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** The cost of each model call of one run (from its model_call events). */
async function probeCalls(env: Record<string, string>): Promise<number[]> {
  const riptide = await createRiptide(loadConfig(env));
  const costs: number[] = [];
  for await (const event of riptide.runs.streamRun({ ...TASK, tenant_id: 'probe' })) {
    if (event.event === 'model_call') costs.push(event.cost_usd);
  }
  await riptide.close();
  return costs;
}

const results = [await drill('sqlite'), await drill('postgres')];
process.exitCode = results.every(Boolean) ? 0 : 1;
