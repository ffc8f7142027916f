// The straightforward way to compute monitoring aggregates: hold every record in memory and loop.
// Tests compare the store's SQL against it; the benchmark uses it as the baseline it must beat.
import type { MonitoringAggregates, UsageRecord } from '../store.js';

type StoredUsage = UsageRecord & { created_at: string };

export function monitoringReference(
  records: StoredUsage[],
  options: { now: Date; days?: number; recent?: number },
): MonitoringAggregates {
  const days = options.days ?? 14;
  const recentCount = options.recent ?? 25;
  const runs = records.length;
  const sum = (pick: (record: StoredUsage) => number, subset: StoredUsage[] = records) =>
    subset.reduce((total, record) => total + pick(record), 0);
  const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const sortedLatencies = records.map((record) => record.latency_ms).sort((a, b) => a - b);
  const toolCalls = sum((record) => record.tool_calls_total);

  const groups = (key: (record: StoredUsage) => string) => {
    const map = new Map<string, StoredUsage[]>();
    for (const record of records) {
      const group = map.get(key(record));
      if (group) group.push(record);
      else map.set(key(record), [record]);
    }
    return map;
  };

  const byMode: MonitoringAggregates['by_mode'] = {};
  for (const [mode, group] of groups((record) => record.mode)) {
    byMode[mode] = {
      runs: group.length,
      cost_usd: sum((record) => record.cost_usd, group),
      avg_latency_ms: sum((record) => record.latency_ms, group) / group.length,
      success_rate: rate(group.filter((record) => record.success).length, group.length),
    };
  }
  const byTenant: MonitoringAggregates['by_tenant'] = {};
  for (const [tenant, group] of groups((record) => record.tenant_id)) {
    byTenant[tenant] = {
      runs: group.length,
      cost_usd: sum((record) => record.cost_usd, group),
      total_tokens: sum((record) => record.total_tokens, group),
      blocked: group.filter((record) => record.blocked).length,
    };
  }

  const today = Date.parse(`${options.now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const daily = Array.from({ length: days }, (_, index) => {
    const date = new Date(today - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    const group = records.filter((record) => record.created_at.slice(0, 10) === date);
    return {
      date,
      runs: group.length,
      cost_usd: sum((record) => record.cost_usd, group),
      tokens: sum((record) => record.total_tokens, group),
    };
  });

  const recent = records
    .map((record, index) => ({ record, index }))
    .sort((a, b) =>
      a.record.created_at === b.record.created_at
        ? b.index - a.index
        : a.record.created_at < b.record.created_at
          ? 1
          : -1,
    )
    .slice(0, recentCount)
    .map(({ record }) => record);

  return {
    totals: {
      runs,
      blocked: records.filter((record) => record.blocked).length,
      success_rate: rate(records.filter((record) => record.success).length, runs),
      avg_latency_ms: runs === 0 ? 0 : sum((record) => record.latency_ms) / runs,
      p95_latency_ms: runs === 0 ? 0 : sortedLatencies[Math.floor(0.95 * (runs - 1))],
      total_tokens: sum((record) => record.total_tokens),
      total_cost_usd: sum((record) => record.cost_usd),
      tool_valid_rate: toolCalls === 0 ? 1 : sum((record) => record.tool_calls_valid) / toolCalls,
    },
    by_mode: byMode,
    by_tenant: byTenant,
    daily,
    recent,
  };
}
