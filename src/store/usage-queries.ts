// Usage records and their aggregates (costs per tenant, monitoring). Aggregates read the rollups
// (0009_usage_rollups) that every usage write updates in its own transaction, so a dashboard request
// costs the same at a thousand records as at ten million; only `recent` reads the usage table, a
// top-N off an index.
import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './database-schema.js';
import { histogramPercentile } from './latency-histogram.js';
import { toNumber, toUsageRecord, toUsageRow } from './row-mapping.js';
import { DAILY_ROLLUP, LATENCY_ROLLUP, type RollupTable, TOTALS_ROLLUP } from './run-path-sql.js';
import type { MonitoringAggregates, Store } from './store.js';
import type { StoreContext } from './store-context.js';
import { rollupDeltasOf, type UsageRollupDeltas } from './usage-rollup-deltas.js';

type UsageQueries = Pick<Store, 'recordUsage' | 'recordUsageBatch' | 'tenantSpend' | 'costsByTenant' | 'monitoring'>;

const DEFAULT_RECENT = 25;
const DEFAULT_DAYS = 14;
const MAX_RECENT = 500;
const MAX_DAYS = 366;
/** Rows per INSERT statement: 16 columns × 500 rows stays far below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;
const DAY_MS = 86_400_000;

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** A tenant's spend so far, from its rollups (also read inside the budget reservation's transaction). */
export async function rolledUpSpend(executor: Kysely<StoreDatabase>, tenantId: string): Promise<number> {
  const row = await executor
    .selectFrom('usage_rollup_totals')
    .select((eb) => eb.fn.sum('cost_usd').as('spend'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return toNumber(row?.spend);
}

export function createUsageQueries({ db, runPath, now }: StoreContext): UsageQueries {
  /** A rollup table, narrowed to one tenant's rows when a tenant is given. */
  const rollup = <T extends 'usage_rollup_totals' | 'usage_rollup_daily' | 'usage_rollup_latency'>(
    table: T,
    tenantId: string | null | undefined,
  ) => {
    const all = db.selectFrom(table as 'usage_rollup_totals');
    return tenantId == null ? all : all.where('tenant_id', '=', tenantId);
  };

  async function totals(tenantId: string | null | undefined): Promise<MonitoringAggregates['totals']> {
    const row = await rollup('usage_rollup_totals', tenantId)
      .select((eb) => [
        eb.fn.sum('runs').as('runs'),
        eb.fn.sum('blocked').as('blocked'),
        eb.fn.sum('successes').as('successes'),
        eb.fn.sum('latency_ms').as('latency_ms'),
        eb.fn.sum('total_tokens').as('total_tokens'),
        eb.fn.sum('cost_usd').as('total_cost_usd'),
        eb.fn.sum('tool_calls_total').as('tool_calls_total'),
        eb.fn.sum('tool_calls_valid').as('tool_calls_valid'),
      ])
      .executeTakeFirstOrThrow();
    const runs = toNumber(row.runs);
    const toolCalls = toNumber(row.tool_calls_total);
    return {
      runs,
      blocked: toNumber(row.blocked),
      success_rate: ratio(toNumber(row.successes), runs),
      avg_latency_ms: ratio(toNumber(row.latency_ms), runs),
      p95_latency_ms: await percentileLatency(tenantId, 0.95),
      total_tokens: toNumber(row.total_tokens),
      total_cost_usd: toNumber(row.total_cost_usd),
      // No tool calls means none were invalid.
      tool_valid_rate: toolCalls === 0 ? 1 : toNumber(row.tool_calls_valid) / toolCalls,
    };
  }

  /** Within 1 % of the exact nearest-rank percentile (latency-histogram.ts). */
  async function percentileLatency(tenantId: string | null | undefined, quantile: number): Promise<number> {
    const rows = await db
      .selectFrom('usage_rollup_latency')
      .select((eb) => ['bucket', eb.fn.sum('runs').as('runs')])
      .$if(tenantId != null, (query) => query.where('tenant_id', '=', tenantId as string))
      .groupBy('bucket')
      .orderBy('bucket')
      .execute();
    return histogramPercentile(
      rows.map((row) => ({ bucket: toNumber(row.bucket), runs: toNumber(row.runs) })),
      quantile,
    );
  }

  async function byMode(tenantId: string | null | undefined): Promise<MonitoringAggregates['by_mode']> {
    const rows = await rollup('usage_rollup_totals', tenantId)
      .select((eb) => [
        'mode',
        eb.fn.sum('runs').as('runs'),
        eb.fn.sum('cost_usd').as('cost_usd'),
        eb.fn.sum('latency_ms').as('latency_ms'),
        eb.fn.sum('successes').as('successes'),
      ])
      .groupBy('mode')
      .execute();
    const result: MonitoringAggregates['by_mode'] = {};
    for (const row of rows) {
      const runs = toNumber(row.runs);
      result[row.mode] = {
        runs,
        cost_usd: toNumber(row.cost_usd),
        avg_latency_ms: ratio(toNumber(row.latency_ms), runs),
        success_rate: ratio(toNumber(row.successes), runs),
      };
    }
    return result;
  }

  /** Costs per tenant from the rollups, tenant ids in order. */
  async function tenantTotals(tenantId: string | null | undefined) {
    const rows = await rollup('usage_rollup_totals', tenantId)
      .select((eb) => [
        'tenant_id',
        eb.fn.sum('runs').as('runs'),
        eb.fn.sum('prompt_tokens').as('prompt_tokens'),
        eb.fn.sum('completion_tokens').as('completion_tokens'),
        eb.fn.sum('total_tokens').as('total_tokens'),
        eb.fn.sum('cost_usd').as('cost_usd'),
        eb.fn.sum('blocked').as('blocked'),
      ])
      .groupBy('tenant_id')
      .orderBy('tenant_id')
      .execute();
    return rows.map((row) => ({
      tenant_id: row.tenant_id,
      runs: toNumber(row.runs),
      prompt_tokens: toNumber(row.prompt_tokens),
      completion_tokens: toNumber(row.completion_tokens),
      total_tokens: toNumber(row.total_tokens),
      cost_usd: toNumber(row.cost_usd),
      blocked: toNumber(row.blocked),
    }));
  }

  /** One entry per UTC day of the window (zeros included), oldest first. */
  async function daily(tenantId: string | null | undefined, days: number): Promise<MonitoringAggregates['daily']> {
    const today = Date.parse(`${now().slice(0, 10)}T00:00:00.000Z`);
    const dates = Array.from({ length: days }, (_, index) =>
      new Date(today - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10),
    );
    const rows = await db
      .selectFrom('usage_rollup_daily')
      .select((eb) => [
        'day',
        eb.fn.sum('runs').as('runs'),
        eb.fn.sum('cost_usd').as('cost_usd'),
        eb.fn.sum('total_tokens').as('tokens'),
      ])
      .where('day', '>=', dates[0])
      .$if(tenantId != null, (query) => query.where('tenant_id', '=', tenantId as string))
      .groupBy('day')
      .execute();
    const byDate = new Map(rows.map((row) => [row.day, row]));
    return dates.map((date) => {
      const row = byDate.get(date);
      return { date, runs: toNumber(row?.runs), cost_usd: toNumber(row?.cost_usd), tokens: toNumber(row?.tokens) };
    });
  }

  async function recent(tenantId: string | null | undefined, limit: number) {
    if (limit === 0) return [];
    const rows = await db
      .selectFrom('usage')
      .selectAll()
      .$if(tenantId != null, (query) => query.where('tenant_id', '=', tenantId as string))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toUsageRecord);
  }

  return {
    async recordUsage(record) {
      await runPath.recordUsage(toUsageRow(record, now()));
    },

    async recordUsageBatch(records) {
      if (records.length === 0) return;
      const timestamp = now();
      const rows = records.map((record) => toUsageRow(record, timestamp));
      const deltas = rollupDeltasOf(rows);
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
          await trx
            .insertInto('usage')
            .values(rows.slice(start, start + INSERT_CHUNK))
            .execute();
        }
        // The same additions as one record's write (run-path-sql.ts), once per key of the batch.
        const executor = trx as unknown as Kysely<any>;
        for (const { rollup, deltas: deltasOf } of ROLLUP_TABLES) {
          const { table } = rollup.upsert;
          const values: object[] = deltasOf(deltas);
          for (let start = 0; start < values.length; start += INSERT_CHUNK) {
            await executor
              .insertInto(table)
              .values(values.slice(start, start + INSERT_CHUNK))
              .onConflict((conflict) => conflict.columns([...rollup.key]).doUpdateSet(adding(rollup.counters, table)))
              .execute();
          }
        }
      });
    },

    tenantSpend(tenantId) {
      return rolledUpSpend(db, tenantId);
    },

    async costsByTenant() {
      const rows = await tenantTotals(null);
      return Object.fromEntries(rows.map(({ tenant_id, ...costs }) => [tenant_id, costs]));
    },

    async monitoring(options = {}) {
      const recentLimit = Math.min(Math.max(options.recent ?? DEFAULT_RECENT, 0), MAX_RECENT);
      const days = Math.min(Math.max(options.days ?? DEFAULT_DAYS, 1), MAX_DAYS);
      const tenantId = options.tenantId;
      const tenants = await tenantTotals(tenantId);
      return {
        totals: await totals(tenantId),
        by_mode: await byMode(tenantId),
        by_tenant: Object.fromEntries(
          tenants.map((row) => [
            row.tenant_id,
            { runs: row.runs, cost_usd: row.cost_usd, total_tokens: row.total_tokens, blocked: row.blocked },
          ]),
        ),
        daily: await daily(tenantId, days),
        recent: await recent(tenantId, recentLimit),
      };
    },
  };
}

/** Each rollup table with the batch's deltas for it. */
const ROLLUP_TABLES: { rollup: RollupTable<any>; deltas: (all: UsageRollupDeltas) => object[] }[] = [
  { rollup: TOTALS_ROLLUP, deltas: (all) => all.totals },
  { rollup: DAILY_ROLLUP, deltas: (all) => all.daily },
  { rollup: LATENCY_ROLLUP, deltas: (all) => all.latency },
];

/** `column = table.column + excluded.column` for each counter: an upsert that adds. */
function adding(columns: readonly string[], table: string) {
  return Object.fromEntries(
    columns.map((column) => [column, sql`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`]),
  );
}
