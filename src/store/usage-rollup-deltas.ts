// What one usage record (or a batch) adds to the rollups: counters per tenant and mode, per day and
// tenant, and per latency bucket. Written in the usage insert's transaction, so the rollups always
// equal an aggregate over the usage table.
import { latencyBucket } from './latency-histogram.js';
import {
  DAILY_COUNTERS,
  INSERT_USAGE,
  type InsertStatement,
  TOTALS_COUNTERS,
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

/** Adds the counters of `delta` to the entry of its key (the key's fields stay as they are). */
function accumulate<Delta extends object>(
  groups: Map<string, Delta>,
  key: string,
  delta: Delta,
  counters: readonly (keyof Delta & string)[],
): void {
  const existing = groups.get(key);
  if (!existing) {
    groups.set(key, { ...delta });
    return;
  }
  const target = existing as Record<string, number>;
  const source = delta as Record<string, number>;
  for (const counter of counters) target[counter] += source[counter];
}

/** The rollup deltas of many records, one per key (a batch's upserts stay few). */
export function rollupDeltasOf(rows: UsageRow[]): UsageRollupDeltas {
  const totals = new Map<string, UsageTotalsDelta>();
  const daily = new Map<string, UsageDailyDelta>();
  const latency = new Map<string, UsageLatencyDelta>();
  for (const row of rows) {
    // NUL cannot occur in a tenant id that came through the API, so it separates key parts safely.
    accumulate(totals, `${row.tenant_id}\u0000${row.mode}`, totalsDeltaOf(row), TOTALS_COUNTERS);
    const dailyDelta = dailyDeltaOf(row);
    accumulate(daily, `${dailyDelta.day}\u0000${row.tenant_id}`, dailyDelta, DAILY_COUNTERS);
    const latencyDelta = latencyDeltaOf(row);
    accumulate(latency, `${row.tenant_id}\u0000${latencyDelta.bucket}`, latencyDelta, ['runs']);
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
