// The run path on PostgreSQL: named statements (pg prepares each once per pooled connection and then
// sends only its parameters), and each write as one statement — data-modifying CTEs chain the usage
// insert with its rollup upserts, a checkpoint with its events, and a run's end with everything it
// writes — so a write is one round trip and atomic without BEGIN/COMMIT.
import type { Selectable } from 'kysely';
import type pg from 'pg';
import type { RunsTable } from './database-schema.js';
import {
  CLAIM_QUEUED_RUN,
  FINISH_RUN,
  finishRunValues,
  INSERT_RUN,
  INSERT_RUN_EVENTS,
  INSERT_SESSION_TURN,
  type InsertStatement,
  insertSql,
  QUEUED_RUN_COUNT,
  RUN_EVENT_BATCHES,
  RUN_PROGRESS,
  type RunEventBatchRow,
  type RunFinishWrite,
  type RunProgressRow,
  SAVE_CHECKPOINT,
  saveCheckpointValues,
  type UsageRow,
} from './run-path-sql.js';
import type { RunPathStatements } from './run-path-statements.js';
import { USAGE_WRITES, usageWriteValues } from './usage-rollup-deltas.js';

/** `?` placeholders numbered `$1, $2, …` in order of appearance (the texts hold no other `?`). */
function numbered(text: string): string {
  let index = 0;
  return text.replace(/\?/g, () => `$${++index}`);
}

/** The usage statements in order, made conditional on a CTE when `selectFrom` names one. */
function usageInserts(selectFrom?: string): string[] {
  return USAGE_WRITES.map((statement) => insertSql(statement, selectFrom));
}

function usageValues(row: UsageRow): unknown[] {
  return usageWriteValues(row).flat();
}

const [insertUsage, upsertTotals, upsertDaily, upsertLatency] = usageInserts();
const RECORD_USAGE = numbered(
  `WITH usage_row AS (${insertUsage}), totals AS (${upsertTotals}), daily AS (${upsertDaily}) ${upsertLatency}`,
);

/** A run's end as one statement: every insert runs only when the conditional update matched. */
function finishRunSql(withEvents: boolean, withSessionTurn: boolean): string {
  const inserts = usageInserts('owned');
  if (withEvents) inserts.push(insertSql(INSERT_RUN_EVENTS as InsertStatement<never>, 'owned'));
  if (withSessionTurn) inserts.push(insertSql(INSERT_SESSION_TURN as InsertStatement<never>, 'owned'));
  const steps = inserts.map((text, index) => `write_${index} AS (${text})`).join(', ');
  return numbered(
    `WITH owned AS (${FINISH_RUN} RETURNING thread_id), ${steps} SELECT count(*)::int AS owned FROM owned`,
  );
}

interface NamedStatement {
  name: string;
  text: string;
}

function finishRunStatement(withEvents: boolean, withSessionTurn: boolean): NamedStatement {
  return {
    name: `riptide_finish_run${withEvents ? '_events' : ''}${withSessionTurn ? '_turn' : ''}`,
    text: finishRunSql(withEvents, withSessionTurn),
  };
}

/** Indexed [with events][with a session turn]. */
const FINISH_RUN_STATEMENTS: [[NamedStatement, NamedStatement], [NamedStatement, NamedStatement]] = [
  [finishRunStatement(false, false), finishRunStatement(false, true)],
  [finishRunStatement(true, false), finishRunStatement(true, true)],
];

function finishValues(write: RunFinishWrite): unknown[] {
  const values = [...finishRunValues(write), ...usageValues(write.usage)];
  if (write.events) values.push(...INSERT_RUN_EVENTS.values(write.events));
  if (write.sessionTurn) values.push(...INSERT_SESSION_TURN.values(write.sessionTurn));
  return values;
}

/** The checkpoint and its events as one statement: the events are inserted only when the update matched. */
const SAVE_CHECKPOINT_WITH_EVENTS = numbered(
  `WITH saved AS (${SAVE_CHECKPOINT} RETURNING thread_id), events AS (${insertSql(
    INSERT_RUN_EVENTS as InsertStatement<never>,
    'saved',
  )}) SELECT count(*)::int AS saved FROM saved`,
);

type StatementName =
  | 'insertRun'
  | 'saveCheckpoint'
  | 'saveCheckpointWithEvents'
  | 'claimQueuedRun'
  | 'runProgress'
  | 'queuedRunCount'
  | 'runEventBatches'
  | 'recordUsage';

const STATEMENTS: Record<StatementName, NamedStatement> = {
  insertRun: { name: 'riptide_insert_run', text: numbered(insertSql(INSERT_RUN as InsertStatement<never>)) },
  saveCheckpoint: { name: 'riptide_save_checkpoint', text: numbered(SAVE_CHECKPOINT) },
  saveCheckpointWithEvents: { name: 'riptide_save_checkpoint_events', text: SAVE_CHECKPOINT_WITH_EVENTS },
  claimQueuedRun: { name: 'riptide_claim_queued_run', text: numbered(CLAIM_QUEUED_RUN) },
  runProgress: { name: 'riptide_run_progress', text: numbered(RUN_PROGRESS) },
  queuedRunCount: { name: 'riptide_queued_run_count', text: numbered(QUEUED_RUN_COUNT) },
  runEventBatches: { name: 'riptide_run_event_batches', text: numbered(RUN_EVENT_BATCHES) },
  recordUsage: { name: 'riptide_record_usage', text: RECORD_USAGE },
};

export function createPostgresRunPath(pool: pg.Pool): RunPathStatements {
  return {
    async insertRun(row) {
      await pool.query({ ...STATEMENTS.insertRun, values: INSERT_RUN.values(row) });
    },
    async saveCheckpoint(threadId, owner, checkpoint, updatedAt) {
      const result = await pool.query({
        ...STATEMENTS.saveCheckpoint,
        values: saveCheckpointValues(threadId, owner, checkpoint, updatedAt),
      });
      return result.rowCount === 1;
    },
    async saveCheckpointWithEvents(threadId, owner, checkpoint, updatedAt, events) {
      const result = await pool.query<{ saved: number }>({
        ...STATEMENTS.saveCheckpointWithEvents,
        values: [...saveCheckpointValues(threadId, owner, checkpoint, updatedAt), ...INSERT_RUN_EVENTS.values(events)],
      });
      return result.rows[0]?.saved === 1;
    },
    async claimQueuedRun(threadId, owner, leaseExpiresAt, updatedAt) {
      const result = await pool.query<Selectable<RunsTable>>({
        ...STATEMENTS.claimQueuedRun,
        values: [owner, leaseExpiresAt, updatedAt, threadId],
      });
      return result.rows[0];
    },
    async runProgress(threadId, afterSeq) {
      const result = await pool.query<RunProgressRow>({ ...STATEMENTS.runProgress, values: [afterSeq, threadId] });
      return result.rows;
    },
    async queuedRunCount(tenantId) {
      const result = await pool.query<{ count: string | number }>({ ...STATEMENTS.queuedRunCount, values: [tenantId] });
      return Number(result.rows[0]?.count ?? 0);
    },
    async runEventBatches(threadId, afterSeq) {
      const result = await pool.query<RunEventBatchRow>({
        ...STATEMENTS.runEventBatches,
        values: [threadId, afterSeq],
      });
      return result.rows;
    },
    async recordUsage(row) {
      await pool.query({ ...STATEMENTS.recordUsage, values: usageValues(row) });
    },
    async finishRun(write) {
      const variant = FINISH_RUN_STATEMENTS[write.events ? 1 : 0][write.sessionTurn ? 1 : 0];
      const result = await pool.query<{ owned: number }>({ ...variant, values: finishValues(write) });
      return result.rows[0]?.owned === 1;
    },
  };
}
