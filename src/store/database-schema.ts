// The tables the store keeps, as kysely row types. Portable column types only: JSON and timestamps
// are TEXT (ISO-8601 sorts lexicographically), booleans are 0/1 integers, so both dialects agree.
import type { Generated } from 'kysely';

export interface RunsTable {
  thread_id: string;
  tenant_id: string;
  task: string;
  options: string;
  interactive: number;
  history: string;
  status: string;
  pending_action: string | null;
  pending_seq: number;
  result: string | null;
  mode: string | null;
  session_id: string | null;
  workflow_name: string | null;
  owner: string | null;
  lease_expires_at: string | null;
  checkpoint: string | null;
  resume_input: string | null;
  attempt: number;
  /** 1 for a background run (run queue); see 0008_run_queue. */
  background: Generated<number>;
  webhook: string | null;
  created_at: string;
  updated_at: string;
}

export interface RunEventsTable {
  thread_id: string;
  first_seq: number;
  last_seq: number;
  /** JSON array of the batch's events, in order. */
  events: string;
  created_at: string;
}

export interface BudgetReservationsTable {
  id: string;
  tenant_id: string;
  thread_id: string;
  amount_usd: number;
  kind: string;
  settled: number;
  created_at: string;
}

export interface SideEffectsTable {
  key: string;
  thread_id: string;
  output: string | null;
  created_at: string;
}

export interface SessionTurnsTable {
  id: Generated<number>;
  session_id: string;
  tenant_id: string;
  task: string;
  final_answer: string;
  mode: string;
  blocked: number;
  thread_id: string;
  created_at: string;
}

export interface WorkflowsTable {
  /** Workflows are saved per tenant: (tenant_id, name) is the key. */
  tenant_id: string;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

export interface UsageTable {
  id: Generated<number>;
  thread_id: string;
  tenant_id: string;
  task: string;
  mode: string;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  latency_ms: number;
  success: number;
  blocked: number;
  tool_calls_total: number;
  tool_calls_valid: number;
  subtask_count: number;
  created_at: string;
}

/** Usage counters per tenant and mode (0009_usage_rollups); sums are bigint on PostgreSQL. */
export interface UsageRollupTotalsTable {
  tenant_id: string;
  mode: string;
  runs: number;
  blocked: number;
  successes: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  latency_ms: number;
  tool_calls_total: number;
  tool_calls_valid: number;
}

/** Usage counters per UTC day (YYYY-MM-DD) and tenant. */
export interface UsageRollupDailyTable {
  day: string;
  tenant_id: string;
  runs: number;
  cost_usd: number;
  total_tokens: number;
}

/** Runs per tenant and latency bucket (latency-histogram.ts). */
export interface UsageRollupLatencyTable {
  tenant_id: string;
  bucket: number;
  runs: number;
}

export interface LessonsTable {
  id: string;
  tenant_id: string;
  text: string;
  tags: string;
  success: number;
  task: string;
  embedding: string | null;
  uses: number;
  created_at: string;
  updated_at: string;
}

export interface EpisodesTable {
  id: string;
  tenant_id: string;
  thread_id: string;
  task: string;
  final_answer: string;
  success: number;
  lesson_id: string | null;
  created_at: string;
}

export interface ApiKeysTable {
  key_id: string;
  tenant_id: string;
  admin: number;
  name: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface StoreDatabase {
  runs: RunsTable;
  run_events: RunEventsTable;
  budget_reservations: BudgetReservationsTable;
  side_effects: SideEffectsTable;
  session_turns: SessionTurnsTable;
  workflows: WorkflowsTable;
  usage: UsageTable;
  usage_rollup_totals: UsageRollupTotalsTable;
  usage_rollup_daily: UsageRollupDailyTable;
  usage_rollup_latency: UsageRollupLatencyTable;
  lessons: LessonsTable;
  episodes: EpisodesTable;
  api_keys: ApiKeysTable;
}
