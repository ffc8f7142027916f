// Usage records and their aggregates (costs per tenant, monitoring), computed in SQL so a dashboard
// request never loads every record into the process.
import { sql } from 'kysely';
import { toNumber, toUsageRecord, toUsageRow } from './row-mapping.js';
import type { MonitoringAggregates, Store } from './store.js';
import type { StoreContext } from './store-context.js';

type UsageQueries = Pick<Store, 'recordUsage' | 'recordUsageBatch' | 'tenantSpend' | 'costsByTenant' | 'monitoring'>;

const DEFAULT_RECENT = 25;
const DEFAULT_DAYS = 14;
const MAX_RECENT = 500;
const MAX_DAYS = 366;
/** Rows per INSERT statement: 16 columns × 500 rows stays far below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;
const DAY_MS = 86_400_000;

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function createUsageQueries({ db, now }: StoreContext): UsageQueries {
  const day = sql<string>`substr(created_at, 1, 10)`;

  /** The usage table, narrowed to one tenant's records when a tenant is given. */
  type UsageSource = () => ReturnType<typeof allUsage>;
  const allUsage = () => db.selectFrom('usage');
  const usageOf =
    (tenantId: string | null | undefined): UsageSource =>
    () =>
      tenantId == null ? allUsage() : allUsage().where('tenant_id', '=', tenantId);

  async function totals(from: UsageSource): Promise<MonitoringAggregates['totals']> {
    const row = await from()
      .select((eb) => [
        eb.fn.countAll().as('runs'),
        eb.fn.sum('blocked').as('blocked'),
        eb.fn.sum('success').as('successes'),
        eb.fn.avg('latency_ms').as('avg_latency_ms'),
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
      avg_latency_ms: toNumber(row.avg_latency_ms),
      p95_latency_ms: await percentileLatency(from, runs, 0.95),
      total_tokens: toNumber(row.total_tokens),
      total_cost_usd: toNumber(row.total_cost_usd),
      // No tool calls means none were invalid.
      tool_valid_rate: toolCalls === 0 ? 1 : toNumber(row.tool_calls_valid) / toolCalls,
    };
  }

  /** Nearest-rank percentile: the value at index ⌊q·(n−1)⌋ of the sorted latencies, read off the index. */
  async function percentileLatency(from: UsageSource, count: number, quantile: number): Promise<number> {
    if (count === 0) return 0;
    const row = await from()
      .select('latency_ms')
      .orderBy('latency_ms')
      .limit(1)
      .offset(Math.floor(quantile * (count - 1)))
      .executeTakeFirst();
    return toNumber(row?.latency_ms);
  }

  async function byMode(from: UsageSource): Promise<MonitoringAggregates['by_mode']> {
    const rows = await from()
      .select((eb) => [
        'mode',
        eb.fn.countAll().as('runs'),
        eb.fn.sum('cost_usd').as('cost_usd'),
        eb.fn.avg('latency_ms').as('avg_latency_ms'),
        eb.fn.sum('success').as('successes'),
      ])
      .groupBy('mode')
      .execute();
    const result: MonitoringAggregates['by_mode'] = {};
    for (const row of rows) {
      const runs = toNumber(row.runs);
      result[row.mode] = {
        runs,
        cost_usd: toNumber(row.cost_usd),
        avg_latency_ms: toNumber(row.avg_latency_ms),
        success_rate: ratio(toNumber(row.successes), runs),
      };
    }
    return result;
  }

  async function byTenant(from: UsageSource): Promise<MonitoringAggregates['by_tenant']> {
    const rows = await from()
      .select((eb) => [
        'tenant_id',
        eb.fn.countAll().as('runs'),
        eb.fn.sum('cost_usd').as('cost_usd'),
        eb.fn.sum('total_tokens').as('total_tokens'),
        eb.fn.sum('blocked').as('blocked'),
      ])
      .groupBy('tenant_id')
      .execute();
    const result: MonitoringAggregates['by_tenant'] = {};
    for (const row of rows) {
      result[row.tenant_id] = {
        runs: toNumber(row.runs),
        cost_usd: toNumber(row.cost_usd),
        total_tokens: toNumber(row.total_tokens),
        blocked: toNumber(row.blocked),
      };
    }
    return result;
  }

  /** One entry per UTC day of the window (zeros included), oldest first. */
  async function daily(from: UsageSource, days: number): Promise<MonitoringAggregates['daily']> {
    const today = Date.parse(`${now().slice(0, 10)}T00:00:00.000Z`);
    const dates = Array.from({ length: days }, (_, index) =>
      new Date(today - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10),
    );
    const rows = await from()
      .select((eb) => [
        day.as('date'),
        eb.fn.countAll().as('runs'),
        eb.fn.sum('cost_usd').as('cost_usd'),
        eb.fn.sum('total_tokens').as('tokens'),
      ])
      .where('created_at', '>=', `${dates[0]}T00:00:00.000Z`)
      .groupBy(day)
      .execute();
    const byDate = new Map(rows.map((row) => [row.date, row]));
    return dates.map((date) => {
      const row = byDate.get(date);
      return {
        date,
        runs: toNumber(row?.runs),
        cost_usd: toNumber(row?.cost_usd),
        tokens: toNumber(row?.tokens),
      };
    });
  }

  async function recent(from: UsageSource, limit: number) {
    const rows = await from().selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toUsageRecord);
  }

  return {
    async recordUsage(record) {
      await db.insertInto('usage').values(toUsageRow(record, now())).execute();
    },

    async recordUsageBatch(records) {
      if (records.length === 0) return;
      const timestamp = now();
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < records.length; start += INSERT_CHUNK) {
          const chunk = records.slice(start, start + INSERT_CHUNK).map((record) => toUsageRow(record, timestamp));
          await trx.insertInto('usage').values(chunk).execute();
        }
      });
    },

    async tenantSpend(tenantId) {
      const row = await db
        .selectFrom('usage')
        .select((eb) => eb.fn.sum('cost_usd').as('spend'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return toNumber(row?.spend);
    },

    async costsByTenant() {
      const rows = await db
        .selectFrom('usage')
        .select((eb) => [
          'tenant_id',
          eb.fn.countAll().as('runs'),
          eb.fn.sum('prompt_tokens').as('prompt_tokens'),
          eb.fn.sum('completion_tokens').as('completion_tokens'),
          eb.fn.sum('total_tokens').as('total_tokens'),
          eb.fn.sum('cost_usd').as('cost_usd'),
          eb.fn.sum('blocked').as('blocked'),
        ])
        .groupBy('tenant_id')
        .orderBy('tenant_id')
        .execute();
      return Object.fromEntries(
        rows.map((row) => [
          row.tenant_id,
          {
            runs: toNumber(row.runs),
            prompt_tokens: toNumber(row.prompt_tokens),
            completion_tokens: toNumber(row.completion_tokens),
            total_tokens: toNumber(row.total_tokens),
            cost_usd: toNumber(row.cost_usd),
            blocked: toNumber(row.blocked),
          },
        ]),
      );
    },

    async monitoring(options = {}) {
      const recentLimit = Math.min(Math.max(options.recent ?? DEFAULT_RECENT, 0), MAX_RECENT);
      const days = Math.min(Math.max(options.days ?? DEFAULT_DAYS, 1), MAX_DAYS);
      const from = usageOf(options.tenantId);
      return {
        totals: await totals(from),
        by_mode: await byMode(from),
        by_tenant: await byTenant(from),
        daily: await daily(from, days),
        recent: await recent(from, recentLimit),
      };
    },
  };
}
