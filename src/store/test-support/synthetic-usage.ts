// Deterministic synthetic usage records for the aggregate tests and the monitoring benchmark: the
// same seed always yields the same records, spread over tenants, modes and the last `spanDays` days.
import type { RunMode } from '../../spec/run-result.js';
import type { UsageRecord } from '../store.js';

/** Small seeded PRNG (mulberry32); Math.random cannot be seeded. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TENANTS = ['default', 'acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark'];
const MODES: RunMode[] = ['single', 'single', 'single', 'swarm', 'blocked'];

export interface SyntheticUsageOptions {
  count: number;
  seed?: number;
  /** Records are spread over [now − spanDays, now]. */
  now: Date;
  spanDays?: number;
}

export function syntheticUsage({ count, seed = 42, now, spanDays = 30 }: SyntheticUsageOptions): UsageRecord[] {
  const random = seededRandom(seed);
  const end = now.getTime();
  const span = spanDays * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const mode = MODES[Math.floor(random() * MODES.length)];
    const blocked = mode === 'blocked';
    const prompt = blocked ? 0 : Math.floor(random() * 4000);
    const completion = blocked ? 0 : Math.floor(random() * 1500);
    const toolCalls = blocked ? 0 : Math.floor(random() * 6);
    return {
      thread_id: `thread-${index}`,
      tenant_id: TENANTS[Math.floor(random() * TENANTS.length)],
      task: `synthetic task ${index}`,
      mode,
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      cost_usd: Math.round((prompt * 1 + completion * 3) * 1e-6 * 1e9) / 1e9,
      latency_ms: blocked ? Math.round(random() * 50) / 10 : Math.round(random() * random() * 600_000) / 10,
      success: !blocked && random() < 0.9,
      blocked,
      tool_calls_total: toolCalls,
      tool_calls_valid: Math.floor(random() * (toolCalls + 1)),
      subtask_count: blocked ? 0 : 1 + Math.floor(random() * 4),
      created_at: new Date(end - Math.floor(random() * span)).toISOString(),
    };
  });
}
