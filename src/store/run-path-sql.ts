// The SQL of the run path's hot statements, written once for both dialects (`?` placeholders; the
// PostgreSQL side numbers them): a run's insert, a worker's claim of a queued run, its checkpoint
// (with the events since the last one), its end, the usage record with its rollups, and the reads a
// joined stream repeats on every wake (the run's status, its events after a sequence number). These run prepared, without the query builder (sqlite-run-path.ts,
// postgres-run-path.ts); everything else in the store stays kysely.
import type {
  RunEventsTable,
  RunsTable,
  SessionTurnsTable,
  UsageRollupDailyTable,
  UsageRollupLatencyTable,
  UsageRollupTotalsTable,
  UsageTable,
} from './database-schema.js';

export type RunRow = Omit<RunsTable, 'background'> & { background: number };
export type UsageRow = Omit<UsageTable, 'id'>;
export type SessionTurnRow = Omit<SessionTurnsTable, 'id'>;
export type RunEventsRow = RunEventsTable;

/** An insert: its table and columns, what it does on a key conflict, and how a row becomes values. */
export interface InsertStatement<Row> {
  table: string;
  columns: readonly string[];
  onConflict: string;
  values(row: Row): unknown[];
}

function insertOf<Row>(table: string, columns: readonly (keyof Row & string)[], onConflict = ''): InsertStatement<Row> {
  return {
    table,
    columns,
    onConflict,
    values: (row) => columns.map((column) => row[column]),
  };
}

/** `INSERT … VALUES (?, …)`, or `INSERT … SELECT ?, … FROM <source>` to make the insert conditional. */
export function insertSql(statement: InsertStatement<never>, selectFrom?: string): string {
  const placeholders = statement.columns.map(() => '?').join(', ');
  const source = selectFrom === undefined ? `VALUES (${placeholders})` : `SELECT ${placeholders} FROM ${selectFrom}`;
  return `INSERT INTO ${statement.table} (${statement.columns.join(', ')}) ${source} ${statement.onConflict}`.trim();
}

/** ON CONFLICT clause adding the new row's counters to the stored ones. */
function addingOnConflict(key: string[], counters: string[], table: string): string {
  const sums = counters.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ');
  return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${sums}`;
}

export const INSERT_RUN = insertOf<RunRow>('runs', [
  'thread_id',
  'tenant_id',
  'task',
  'options',
  'interactive',
  'history',
  'status',
  'pending_action',
  'pending_seq',
  'result',
  'mode',
  'session_id',
  'workflow_name',
  'background',
  'webhook',
  'owner',
  'lease_expires_at',
  'checkpoint',
  'resume_input',
  'attempt',
  'created_at',
  'updated_at',
]);

export const INSERT_USAGE = insertOf<UsageRow>('usage', [
  'thread_id',
  'tenant_id',
  'task',
  'mode',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'cost_usd',
  'latency_ms',
  'success',
  'blocked',
  'tool_calls_total',
  'tool_calls_valid',
  'subtask_count',
  'created_at',
]);

export const INSERT_RUN_EVENTS = insertOf<RunEventsRow>(
  'run_events',
  ['thread_id', 'first_seq', 'last_seq', 'events', 'created_at'],
  'ON CONFLICT (thread_id, first_seq) DO NOTHING',
);

export const INSERT_SESSION_TURN = insertOf<SessionTurnRow>('session_turns', [
  'session_id',
  'tenant_id',
  'task',
  'final_answer',
  'mode',
  'blocked',
  'thread_id',
  'created_at',
]);

/** A rollup table: its key, the counters a usage record adds to the key's row, and that upsert. */
export interface RollupTable<Delta> {
  key: readonly (keyof Delta & string)[];
  counters: readonly (keyof Delta & string)[];
  upsert: InsertStatement<Delta>;
}

function rollupOf<Delta>(
  table: string,
  key: readonly (keyof Delta & string)[],
  counters: readonly (keyof Delta & string)[],
): RollupTable<Delta> {
  return {
    key,
    counters,
    upsert: insertOf<Delta>(table, [...key, ...counters], addingOnConflict([...key], [...counters], table)),
  };
}

/** Counters per tenant and mode (totals, by mode, by tenant, costs, spend). */
export type UsageTotalsDelta = UsageRollupTotalsTable;
export const TOTALS_ROLLUP = rollupOf<UsageTotalsDelta>(
  'usage_rollup_totals',
  ['tenant_id', 'mode'],
  [
    'runs',
    'blocked',
    'successes',
    'prompt_tokens',
    'completion_tokens',
    'total_tokens',
    'cost_usd',
    'latency_ms',
    'tool_calls_total',
    'tool_calls_valid',
  ],
);
export const UPSERT_USAGE_TOTALS = TOTALS_ROLLUP.upsert;

/** Counters per UTC day and tenant (the daily series). */
export type UsageDailyDelta = UsageRollupDailyTable;
export const DAILY_ROLLUP = rollupOf<UsageDailyDelta>(
  'usage_rollup_daily',
  ['day', 'tenant_id'],
  ['runs', 'cost_usd', 'total_tokens'],
);
export const UPSERT_USAGE_DAILY = DAILY_ROLLUP.upsert;

/** Runs per tenant and latency bucket (latency-histogram.ts), for percentiles. */
export type UsageLatencyDelta = UsageRollupLatencyTable;
export const LATENCY_ROLLUP = rollupOf<UsageLatencyDelta>('usage_rollup_latency', ['tenant_id', 'bucket'], ['runs']);
export const UPSERT_USAGE_LATENCY = LATENCY_ROLLUP.upsert;

/** Bookkeeping a finished run no longer needs, cleared with its status. */
export const FINISH_RUN = `UPDATE runs SET status = ?, result = ?, mode = ?, owner = NULL, lease_expires_at = NULL,
  checkpoint = NULL, resume_input = NULL, pending_action = NULL, updated_at = ?
  WHERE thread_id = ? AND owner = ?`;

export const SAVE_CHECKPOINT = `UPDATE runs SET checkpoint = ?, updated_at = ?
  WHERE thread_id = ? AND owner = ? AND status = 'running'`;

export function saveCheckpointValues(
  threadId: string,
  owner: string,
  checkpoint: string,
  updatedAt: string,
): unknown[] {
  return [checkpoint, updatedAt, threadId, owner];
}

/** `queued` → `running` for one worker, returning the whole row it needs to run (one statement, one winner). */
export const CLAIM_QUEUED_RUN = `UPDATE runs SET status = 'running', owner = ?, lease_expires_at = ?, updated_at = ?
  WHERE thread_id = ? AND status = 'queued' RETURNING *`;

/**
 * What a joined stream reads on every wake, in one statement so one snapshot: the run's status and what
 * it paused or ended with (null while it runs) — not the row, whose checkpoint can be large — on each
 * of its event batches after a sequence number (one row with no batch when there is none).
 */
export const RUN_PROGRESS = `SELECT runs.status, runs.pending_action, runs.result, run_events.first_seq, run_events.events
  FROM runs LEFT JOIN run_events ON run_events.thread_id = runs.thread_id AND run_events.last_seq > ?
  WHERE runs.thread_id = ? ORDER BY run_events.first_seq`;
export interface RunProgressRow {
  status: string;
  pending_action: string | null;
  result: string | null;
  first_seq: number | string | null;
  events: string | null;
}

export const QUEUED_RUN_COUNT = "SELECT count(*) AS count FROM runs WHERE tenant_id = ? AND status = 'queued'";

/** A run's event batches holding events after a sequence number, in order. */
export const RUN_EVENT_BATCHES = `SELECT first_seq, events FROM run_events
  WHERE thread_id = ? AND last_seq > ? ORDER BY first_seq`;
export interface RunEventBatchRow {
  first_seq: number | string;
  events: string;
}

/** What a run's end writes, as rows; the store's Store-shaped arguments are mapped by the caller. */
export interface RunFinishWrite {
  threadId: string;
  owner: string;
  status: 'completed' | 'failed';
  result: string | null;
  mode: string | null;
  updatedAt: string;
  usage: UsageRow;
  events: RunEventsRow | null;
  sessionTurn: SessionTurnRow | null;
}

export function finishRunValues(write: RunFinishWrite): unknown[] {
  return [write.status, write.result, write.mode, write.updatedAt, write.threadId, write.owner];
}
