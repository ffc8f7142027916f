// Migration 0009: usage rollups. Monitoring and costs read counters kept per tenant and mode, per day
// and tenant, and per latency bucket (written in each usage insert's transaction) instead of
// aggregating the usage table, so their cost no longer grows with history. The covering indexes
// those aggregates read are dropped (every usage insert paid for them); what stays is indexed for
// the top-N `recent` list and the budget's thread lookup. Existing usage rows are backfilled.
import { type Kysely, type Migration, sql } from 'kysely';
import { latencyBucketSql } from './latency-histogram.js';

/** Indexes only the table-wide aggregates read; rollups answer those now. */
const AGGREGATE_INDEXES = [
  'usage_tenant',
  'usage_mode',
  'usage_created',
  'usage_latency',
  'usage_totals',
  'usage_tenant_created',
];

export const usageRollups: Migration = {
  async up(db: Kysely<any>) {
    for (const index of AGGREGATE_INDEXES) await db.schema.dropIndex(index).ifExists().execute();
    // The newest records first, overall and per tenant (ties broken by id, like the query).
    await db.schema.createIndex('usage_recent').on('usage').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('usage_tenant_recent').on('usage').columns(['tenant_id', 'created_at', 'id']).execute();

    const counter = (name: string, table: ReturnType<typeof db.schema.createTable>) =>
      table.addColumn(name, 'bigint', (c) => c.notNull());
    let totals = db.schema
      .createTable('usage_rollup_totals')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull());
    for (const name of ['runs', 'blocked', 'successes', 'prompt_tokens', 'completion_tokens', 'total_tokens']) {
      totals = counter(name, totals);
    }
    totals = totals
      .addColumn('cost_usd', 'double precision', (c) => c.notNull())
      .addColumn('latency_ms', 'double precision', (c) => c.notNull());
    totals = counter('tool_calls_valid', counter('tool_calls_total', totals));
    await totals.addPrimaryKeyConstraint('usage_rollup_totals_pk', ['tenant_id', 'mode']).execute();

    await db.schema
      .createTable('usage_rollup_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('runs', 'bigint', (c) => c.notNull())
      .addColumn('cost_usd', 'double precision', (c) => c.notNull())
      .addColumn('total_tokens', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('usage_rollup_daily_pk', ['day', 'tenant_id'])
      .execute();

    await db.schema
      .createTable('usage_rollup_latency')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('bucket', 'integer', (c) => c.notNull())
      .addColumn('runs', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('usage_rollup_latency_pk', ['tenant_id', 'bucket'])
      .execute();

    await rebuildUsageRollups(db);
  },
};

/**
 * Recomputes every rollup from the usage table (the migration's backfill; bulk loads that insert
 * usage rows directly call it afterwards).
 */
export async function rebuildUsageRollups(db: Kysely<any>): Promise<void> {
  const bucket = sql.raw(latencyBucketSql('latency_ms'));
  const rebuild = async (trx: Kysely<any>) => {
    for (const table of ['usage_rollup_totals', 'usage_rollup_daily', 'usage_rollup_latency']) {
      await trx.deleteFrom(table).execute();
    }
    await sql`INSERT INTO usage_rollup_totals (tenant_id, mode, runs, blocked, successes, prompt_tokens,
        completion_tokens, total_tokens, cost_usd, latency_ms, tool_calls_total, tool_calls_valid)
      SELECT tenant_id, mode, count(*), sum(blocked), sum(success), sum(prompt_tokens), sum(completion_tokens),
        sum(total_tokens), sum(cost_usd), sum(latency_ms), sum(tool_calls_total), sum(tool_calls_valid)
      FROM usage GROUP BY tenant_id, mode`.execute(trx);
    await sql`INSERT INTO usage_rollup_daily (day, tenant_id, runs, cost_usd, total_tokens)
      SELECT substr(created_at, 1, 10), tenant_id, count(*), sum(cost_usd), sum(total_tokens)
      FROM usage GROUP BY substr(created_at, 1, 10), tenant_id`.execute(trx);
    await sql`INSERT INTO usage_rollup_latency (tenant_id, bucket, runs)
      SELECT tenant_id, ${bucket}, count(*) FROM usage GROUP BY tenant_id, ${bucket}`.execute(trx);
  };
  // All or nothing; inside a migration on PostgreSQL this already is a transaction.
  if (db.isTransaction) await rebuild(db);
  else await db.transaction().execute(rebuild);
}
