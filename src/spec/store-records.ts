// What riptide persists, as the store returns it: runs with the configuration they started with,
// sessions, workflows, usage, lessons and episodes. The records routes return are zod schemas too.
import { z } from 'zod';
import type { RunOptions } from './run-options.js';
import {
  type PendingAction,
  pendingActionSchema,
  RUN_MODES,
  type RunMode,
  type RunResult,
  runModeSchema,
} from './run-result.js';

/** `queued` and `cancelled` belong to background runs (POST /api/runs): waiting for a worker, or stopped by a cancel. */
export const RUN_STATUSES = ['queued', 'running', 'pending', 'completed', 'failed', 'cancelled'] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * Where an interrupted run continues: the node to run next and the run state before it (opaque to
 * the store; the run core reads it). Written when a run pauses, and after every node of a run that
 * must survive its process.
 */
export interface RunCheckpoint {
  next: string;
  state: unknown;
}

/** A run and the configuration it started with, so a resume continues exactly as it began. */
export interface RunRecord {
  thread_id: string;
  tenant_id: string;
  task: string;
  options: RunOptions;
  /** How the run was started: interactive runs stop for approvals; others auto-approve. */
  interactive: boolean;
  /** Conversation context the run started with (prior turns), kept for resumes. */
  history: ConversationTurn[];
  status: RunStatus;
  /** Set while status = 'pending'. */
  pending_action: PendingAction | null;
  /** Increments each time the run stops for a human; a resume claims one sequence number. */
  pending_seq: number;
  result: RunResult | null;
  session_id: string | null;
  workflow_name: string | null;
  /** The process executing the run while it is `running` (null otherwise). */
  owner: string | null;
  /** Until when the owner holds the run; a run whose lease has expired is taken over by another process. */
  lease_expires_at: string | null;
  /** The latest checkpoint of a run that is paused or may continue after a crash. */
  checkpoint: RunCheckpoint | null;
  /** The human's answer claimed by the resume in progress (kept so a takeover continues with it). */
  resume_input: unknown;
  /** How many times the run was started or taken over. */
  attempt: number;
  /** A background run (POST /api/runs): executed by a worker from the run queue, never by a request. */
  background?: boolean;
  /** Where a background run reports that it finished or paused. */
  webhook?: string | null;
  created_at: string;
  updated_at: string;
}

/** What starting a run stores: the record without its bookkeeping fields. */
export type NewRunRecord = Omit<
  RunRecord,
  'created_at' | 'updated_at' | 'checkpoint' | 'resume_input' | 'attempt' | 'pending_action' | 'pending_seq' | 'result'
>;

/** A resume's claim on a paused run: the answer it continues with and the process that now owns it. */
export interface ResumeClaim {
  input: unknown;
  owner: string;
  lease_expires_at: string;
}

/** How a run ended, written at once by Store.finishRun. */
export interface RunFinish {
  status: 'completed' | 'failed';
  result: RunResult | null;
  usage: UsageRecord;
  /** The turn to append when the run belongs to a session. */
  session?: { session_id: string; turn: Omit<SessionTurn, 'created_at'> };
  events: RunEventRecord[];
}

/** One stored event of a run, in order. */
export interface RunEventRecord {
  seq: number;
  event: unknown;
}

/**
 * A hold against a tenant's budget: a run's admission (what a run of the tenant usually costs, held
 * while it runs so concurrent runs cannot all start on the same remaining budget) or one model
 * call's worst-case cost. A call is checked against everything others hold plus what its own run has
 * already spent — not against its own run's admission hold, which it draws down.
 */
export interface BudgetReservationRequest {
  id: string;
  tenant_id: string;
  thread_id: string;
  amount_usd: number;
  ceiling_usd: number;
  kind: 'admission' | 'call';
}

export interface BudgetReservationOutcome {
  reserved: boolean;
  /** Recorded spend plus what in-flight runs hold, before this reservation. */
  committed_usd: number;
}

export interface RunListQuery {
  tenant_id?: string;
  status?: RunStatus;
  limit?: number;
  /** The thread id of the last run of the previous page: the page continues after it. */
  cursor?: string;
}

export const runSummarySchema = z.object({
  thread_id: z.string(),
  tenant_id: z.string(),
  task: z.string(),
  status: runStatusSchema,
  mode: runModeSchema.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  pending_action: pendingActionSchema.nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** What a session turn or a usage record came from: a run (in one of its modes) or a direct chat turn. */
export const RECORD_MODES = [...RUN_MODES, 'chat'] as const;
export const recordModeSchema = z.enum(RECORD_MODES);
export type RecordMode = z.infer<typeof recordModeSchema>;

/** Narrows a stored mode string (database rows) to the union. */
export function asRecordMode(value: string): RecordMode {
  return (RECORD_MODES as readonly string[]).includes(value) ? (value as RecordMode) : 'single';
}

export const sessionTurnSchema = z.object({
  task: z.string(),
  final_answer: z.string(),
  mode: recordModeSchema,
  blocked: z.boolean(),
  thread_id: z.string(),
  created_at: z.string(),
});
export type SessionTurn = z.infer<typeof sessionTurnSchema>;

export const sessionSchema = z.object({ session_id: z.string(), turns: z.array(sessionTurnSchema) });
export type Session = z.infer<typeof sessionSchema>;

export const sessionSummarySchema = z.object({
  session_id: z.string(),
  turns: z.number().int(),
  last_task: z.string(),
  updated_at: z.string(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export interface WorkflowRecord {
  name: string;
  spec: unknown;
  created_at: string;
  updated_at: string;
}

export const usageRecordSchema = z.object({
  thread_id: z.string(),
  tenant_id: z.string(),
  task: z.string(),
  mode: recordModeSchema,
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  cost_usd: z.number(),
  latency_ms: z.number(),
  success: z.boolean(),
  blocked: z.boolean(),
  tool_calls_total: z.number(),
  tool_calls_valid: z.number(),
  subtask_count: z.number(),
  created_at: z.string(),
});

/** One run's usage; `created_at` defaults to now when recording. */
export type UsageRecord = Omit<z.infer<typeof usageRecordSchema>, 'created_at'> & { created_at?: string };
export type StoredUsageRecord = z.infer<typeof usageRecordSchema>;

export interface Lesson {
  id: string;
  tenant_id: string;
  text: string;
  tags: string[];
  /** Whether the run it came from succeeded. */
  success: boolean;
  task: string;
  embedding: number[] | null;
  uses: number;
  created_at: string;
  updated_at: string;
}

export interface Episode {
  id: string;
  tenant_id: string;
  thread_id: string;
  task: string;
  final_answer: string;
  success: boolean;
  lesson_id: string | null;
  created_at: string;
}

export type { RunMode };
