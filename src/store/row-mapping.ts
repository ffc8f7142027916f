// Conversions between stored rows (JSON as TEXT, booleans as 0/1, aggregates that PostgreSQL returns
// as strings) and the Store's domain shapes.
import type { Selectable } from 'kysely';
import { asRunMode } from '../spec/run-result.js';
import { asRecordMode } from '../spec/store-records.js';
import type { EpisodesTable, LessonsTable, RunsTable, UsageTable } from './database-schema.js';
import type { RunEventsRow, RunRow, SessionTurnRow } from './run-path-sql.js';
import type {
  Episode,
  Lesson,
  NewRunRecord,
  RunEventRecord,
  RunRecord,
  RunStatus,
  RunSummary,
  SessionTurn,
  UsageRecord,
} from './store.js';

export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** Aggregates come back as number, bigint or (PostgreSQL numeric/bigint) string; null for empty sets. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

export function flag(value: boolean): number {
  return value ? 1 : 0;
}

export function toRunRecord(row: Selectable<RunsTable>): RunRecord {
  return {
    thread_id: row.thread_id,
    tenant_id: row.tenant_id,
    task: row.task,
    options: JSON.parse(row.options),
    interactive: toNumber(row.interactive) === 1,
    history: JSON.parse(row.history),
    status: row.status as RunStatus,
    pending_action: parseJson(row.pending_action),
    pending_seq: toNumber(row.pending_seq),
    result: parseJson(row.result),
    session_id: row.session_id,
    workflow_name: row.workflow_name,
    owner: row.owner,
    lease_expires_at: row.lease_expires_at,
    checkpoint: parseJson(row.checkpoint),
    resume_input: parseJson(row.resume_input),
    attempt: toNumber(row.attempt),
    background: toNumber(row.background) === 1,
    webhook: row.webhook ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A new run as its row: not yet pending, no result or checkpoint, first attempt. */
export function toRunRow(run: NewRunRecord, timestamp: string): RunRow {
  return {
    thread_id: run.thread_id,
    tenant_id: run.tenant_id,
    task: run.task,
    options: JSON.stringify(run.options),
    interactive: flag(run.interactive),
    history: JSON.stringify(run.history),
    status: run.status,
    pending_action: null,
    pending_seq: 0,
    result: null,
    mode: null,
    session_id: run.session_id,
    workflow_name: run.workflow_name,
    background: flag(run.background ?? false),
    webhook: run.webhook ?? null,
    owner: run.owner,
    lease_expires_at: run.lease_expires_at,
    checkpoint: null,
    resume_input: null,
    attempt: 1,
    created_at: timestamp,
    updated_at: timestamp,
  };
}

export function toRunSummary(
  row: Pick<
    Selectable<RunsTable>,
    'thread_id' | 'tenant_id' | 'task' | 'status' | 'mode' | 'created_at' | 'updated_at' | 'pending_action'
  >,
): RunSummary {
  return {
    thread_id: row.thread_id,
    tenant_id: row.tenant_id,
    task: row.task,
    status: row.status as RunStatus,
    mode: row.mode === null ? null : asRunMode(row.mode),
    created_at: row.created_at,
    updated_at: row.updated_at,
    pending_action: parseJson(row.pending_action),
  };
}

export function toUsageRecord(row: Selectable<UsageTable>): UsageRecord & { created_at: string } {
  return {
    thread_id: row.thread_id,
    tenant_id: row.tenant_id,
    task: row.task,
    mode: asRecordMode(row.mode),
    prompt_tokens: toNumber(row.prompt_tokens),
    completion_tokens: toNumber(row.completion_tokens),
    total_tokens: toNumber(row.total_tokens),
    cost_usd: toNumber(row.cost_usd),
    latency_ms: toNumber(row.latency_ms),
    success: toNumber(row.success) === 1,
    blocked: toNumber(row.blocked) === 1,
    tool_calls_total: toNumber(row.tool_calls_total),
    tool_calls_valid: toNumber(row.tool_calls_valid),
    subtask_count: toNumber(row.subtask_count),
    created_at: row.created_at,
  };
}

export function toUsageRow(record: UsageRecord, now: string): Omit<UsageTable, 'id'> {
  return {
    thread_id: record.thread_id,
    tenant_id: record.tenant_id,
    task: record.task,
    mode: record.mode,
    prompt_tokens: record.prompt_tokens,
    completion_tokens: record.completion_tokens,
    total_tokens: record.total_tokens,
    cost_usd: record.cost_usd,
    latency_ms: record.latency_ms,
    success: flag(record.success),
    blocked: flag(record.blocked),
    tool_calls_total: record.tool_calls_total,
    tool_calls_valid: record.tool_calls_valid,
    subtask_count: record.subtask_count,
    created_at: record.created_at ?? now,
  };
}

/** A batch of consecutive events as one row (its first and last sequence number, the events as JSON). */
export function toRunEventsRow(threadId: string, events: RunEventRecord[], timestamp: string): RunEventsRow {
  return {
    thread_id: threadId,
    first_seq: events[0].seq,
    last_seq: events[events.length - 1].seq,
    events: JSON.stringify(events.map((entry) => entry.event)),
    created_at: timestamp,
  };
}

export function toSessionTurnRow(
  sessionId: string,
  tenantId: string,
  turn: Omit<SessionTurn, 'created_at'>,
  timestamp: string,
): SessionTurnRow {
  return {
    session_id: sessionId,
    tenant_id: tenantId,
    task: turn.task,
    final_answer: turn.final_answer,
    mode: turn.mode,
    blocked: flag(turn.blocked),
    thread_id: turn.thread_id,
    created_at: timestamp,
  };
}

export function toLesson(row: Selectable<LessonsTable>): Lesson {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    text: row.text,
    tags: JSON.parse(row.tags),
    success: toNumber(row.success) === 1,
    task: row.task,
    embedding: parseJson(row.embedding),
    uses: toNumber(row.uses),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toEpisode(row: Selectable<EpisodesTable>): Episode {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    thread_id: row.thread_id,
    task: row.task,
    final_answer: row.final_answer,
    success: toNumber(row.success) === 1,
    lesson_id: row.lesson_id,
    created_at: row.created_at,
  };
}
