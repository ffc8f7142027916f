// What one usage record (or a batch) adds to the rollups: counters per tenant and mode, per day and
// tenant, and per latency bucket. Written in the usage insert's transaction, so the rollups always
// equal an aggregate over the usage table.
import { latencyBucket } from './latency-histogram.js';
import {
  DAILY_ROLLUP,
  INSERT_USAGE,
  type InsertStatement,
  LATENCY_ROLLUP,
  type RollupTable,
  TOTALS_ROLLUP,
  UPSERT_USAGE_DAILY,
  UPSERT_USAGE_LATENCY,
  UPSERT_USAGE_TOTALS,
  type UsageDailyDelta,
  type UsageLatencyDelta,
  type UsageRow,
  type UsageTotalsDelta,
} from './run-path-sql.js';

export interface UsageRollupDeltas {
  totals: UsageTotalsDelta[];
  daily: UsageDailyDelta[];
  latency: UsageLatencyDelta[];
}

export function totalsDeltaOf(row: UsageRow): UsageTotalsDelta {
  return {
    tenant_id: row.tenant_id,
    mode: row.mode,
    runs: 1,
    blocked: row.blocked,
    successes: row.success,
    prompt_tokens: row.prompt_tokens,
    completion_tokens: row.completion_tokens,
    total_tokens: row.total_tokens,
    cost_usd: row.cost_usd,
    latency_ms: row.latency_ms,
    tool_calls_total: row.tool_calls_total,
    tool_calls_valid: row.tool_calls_valid,
  };
}

export function dailyDeltaOf(row: UsageRow): UsageDailyDelta {
  return {
    day: row.created_at.slice(0, 10),
    tenant_id: row.tenant_id,
    runs: 1,
    cost_usd: row.cost_usd,
    total_tokens: row.total_tokens,
  };
}

export function latencyDeltaOf(row: UsageRow): UsageLatencyDelta {
  return { tenant_id: row.tenant_id, bucket: latencyBucket(row.latency_ms), runs: 1 };
}

/** Adds the counters of `delta` to the entry of its rollup key (the key's fields stay as they are). */
function accumulate<Delta extends object>(groups: Map<string, Delta>, rollup: RollupTable<Delta>, delta: Delta): void {
  // NUL cannot occur in a tenant id that came through the API, so it separates key parts safely.
  const key = rollup.key.map((column) => String(delta[column])).join('\u0000');
  const existing = groups.get(key);
  if (!existing) {
    groups.set(key, { ...delta });
    return;
  }
  const target = existing as Record<string, number>;
  const source = delta as Record<string, number>;
  for (const counter of rollup.counters) target[counter] += source[counter];
}

/** The rollup deltas of many records, one per key (a batch's upserts stay few). */
export function rollupDeltasOf(rows: UsageRow[]): UsageRollupDeltas {
  const totals = new Map<string, UsageTotalsDelta>();
  const daily = new Map<string, UsageDailyDelta>();
  const latency = new Map<string, UsageLatencyDelta>();
  for (const row of rows) {
    accumulate(totals, TOTALS_ROLLUP, totalsDeltaOf(row));
    accumulate(daily, DAILY_ROLLUP, dailyDeltaOf(row));
    accumulate(latency, LATENCY_ROLLUP, latencyDeltaOf(row));
  }
  return { totals: [...totals.values()], daily: [...daily.values()], latency: [...latency.values()] };
}

/** A usage record's write: its insert, then its three rollup upserts (values in `usageWriteValues`). */
export const USAGE_WRITES = [
  INSERT_USAGE,
  UPSERT_USAGE_TOTALS,
  UPSERT_USAGE_DAILY,
  UPSERT_USAGE_LATENCY,
] as InsertStatement<never>[];

/** The values of each statement of `USAGE_WRITES`, in the same order. */
export function usageWriteValues(row: UsageRow): unknown[][] {
  return [
    INSERT_USAGE.values(row),
    UPSERT_USAGE_TOTALS.values(totalsDeltaOf(row)),
    UPSERT_USAGE_DAILY.values(dailyDeltaOf(row)),
    UPSERT_USAGE_LATENCY.values(latencyDeltaOf(row)),
  ];
}
