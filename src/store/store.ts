// The Store seam: everything riptide persists. One interface, one conformance suite
// (testing/store-conformance.ts), implemented over kysely for SQLite and PostgreSQL. The records it
// returns are the spec's (spec/store-records.ts, spec/insights.ts).
import type { ApiKeyRecord } from '../spec/api-key.js';
import type { MonitoringAggregates, TenantCosts } from '../spec/insights.js';
import type { PendingAction, RunResult } from '../spec/run-result.js';
import type {
  BudgetReservationOutcome,
  BudgetReservationRequest,
  Episode,
  Lesson,
  NewRunRecord,
  ResumeClaim,
  RunCheckpoint,
  RunEventRecord,
  RunFinish,
  RunListQuery,
  RunRecord,
  RunSummary,
  SessionSummary,
  SessionTurn,
  UsageRecord,
  WorkflowRecord,
} from '../spec/store-records.js';
import type { ToolOutcome } from '../spec/tool-descriptor.js';

/** A run the orphan sweep may enqueue again; `updated_at` is when it was queued (the page cursor). */
export type StaleQueuedRun = Pick<RunRecord, 'thread_id' | 'tenant_id' | 'updated_at'>;

export type { ApiKeyRecord } from '../spec/api-key.js';
export type { MonitoringAggregates, TenantCosts } from '../spec/insights.js';
export type {
  BudgetReservationOutcome,
  BudgetReservationRequest,
  ConversationTurn,
  Episode,
  Lesson,
  NewRunRecord,
  ResumeClaim,
  RunCheckpoint,
  RunEventRecord,
  RunFinish,
  RunListQuery,
  RunRecord,
  RunStatus,
  RunSummary,
  SessionSummary,
  SessionTurn,
  StoredUsageRecord,
  UsageRecord,
  WorkflowRecord,
} from '../spec/store-records.js';

/** A run as a joined stream follows it (Store.getRunProgress). */
export interface RunProgress extends Pick<RunRecord, 'status' | 'pending_action' | 'result'> {
  events: RunEventRecord[];
  /** The events filled a page and more may follow: read again after the last one before trusting the status. */
  truncated: boolean;
}

/** Dimensions of the vectors the lesson vector index holds (the offline hashing embedding's). */
export const LESSON_VECTOR_DIMENSIONS = 256;

/**
 * The vectors a lesson is found by, each of LESSON_VECTOR_DIMENSIONS: `text` (the lesson alone, for
 * near-duplicates) and `document` (task, lesson and tags, for recall). The memory layer computes them.
 */
export interface LessonVectors {
  text: number[];
  document: number[];
}
export type LessonVectorKind = keyof LessonVectors;

export type NewLesson = Omit<Lesson, 'id' | 'created_at' | 'updated_at' | 'uses'>;
export type LessonPatch = Partial<Pick<Lesson, 'text' | 'tags' | 'embedding' | 'uses' | 'success'>>;

/** remember's write: a new lesson (with its vectors), or a patch to a near-duplicate, and the episode that taught it. */
export type LessonMemoryWrite = { episode: Omit<Episode, 'id' | 'created_at' | 'lesson_id'> } & (
  | { add: NewLesson; vectors?: LessonVectors }
  | { merge: Lesson; patch: LessonPatch }
);

export interface Store {
  /** Creates tables and indexes (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // Runs
  createRun(run: NewRunRecord): Promise<RunRecord>;
  getRun(threadId: string): Promise<RunRecord | undefined>;
  /**
   * What a joined stream polls, read at one moment: the run's status, pending action and result (not
   * its checkpoint), and its events after `afterSeq` — at most a page; `truncated` when more follow.
   */
  getRunProgress(threadId: string, afterSeq: number): Promise<RunProgress | undefined>;
  /**
   * Pauses a run the caller owns: stores the pending action and the checkpoint to continue from,
   * releases the lease and returns the new pending sequence number (undefined when the caller no
   * longer owns the run).
   */
  markRunPending(
    threadId: string,
    owner: string,
    action: PendingAction,
    checkpoint: RunCheckpoint,
    /** The run's latest events, written in the same transaction. */
    events?: RunEventRecord[],
  ): Promise<number | undefined>;
  /**
   * Claims the pending stop `seq` for one resumer, recording its answer and making it the owner.
   * Returns false when another resume already claimed it (or the run is not pending at that seq).
   */
  claimResume(threadId: string, seq: number, claim: ResumeClaim): Promise<boolean>;
  /** Replaces the checkpoint of a running run the caller owns; false when it no longer owns it. */
  saveRunCheckpoint(
    threadId: string,
    owner: string,
    checkpoint: RunCheckpoint,
    /** The events emitted since the last checkpoint, written in the same transaction. */
    events?: RunEventRecord[],
  ): Promise<boolean>;
  /**
   * A worker takes a queued background run: `queued` → `running` with the caller as owner. Exactly one
   * caller wins; the others (and a cancelled or finished run) get undefined.
   */
  claimQueuedRun(threadId: string, owner: string, leaseExpiresAt: string): Promise<RunRecord | undefined>;
  /** Hands a running run the caller owns back to the queue (keeping its checkpoint); false when not the owner. */
  requeueRun(threadId: string, owner: string): Promise<boolean>;
  /** Cancels a queued, running or pending run; false when it has already finished (or does not exist). */
  cancelRun(threadId: string): Promise<boolean>;
  /** How many of the tenant's runs wait in the queue (its backlog, for fair priorities). */
  queuedRunCount(tenantId: string): Promise<number>;
  /**
   * Up to `limit` runs `queued` since before `queuedBefore` (an ISO time), longest-waiting first: the
   * candidates of the orphan sweep (a run stored but never handed to the queue). With `after` (the
   * last run of the previous page), the page that follows it.
   */
  listStaleQueuedRuns(queuedBefore: string, limit: number, after?: StaleQueuedRun): Promise<StaleQueuedRun[]>;
  /** Extends the lease of every running run the owner holds; returns how many. */
  renewRunLeases(owner: string, leaseExpiresAt: string): Promise<number>;
  /**
   * Takes over up to `limit` running runs whose lease expired before `now` (their process died):
   * each is claimed by one caller only, which becomes its owner until `leaseExpiresAt`.
   */
  claimExpiredRuns(owner: string, now: string, leaseExpiresAt: string, limit: number): Promise<RunRecord[]>;
  /** Finishes a run the caller owns (clearing lease and checkpoint); false when it no longer owns it. */
  completeRun(threadId: string, owner: string, result: RunResult): Promise<boolean>;
  /**
   * Ends a run the caller owns in one transaction: its status and result, its usage record, its
   * session turn and its last events — all or nothing; false (nothing written) when it no longer owns it.
   */
  finishRun(threadId: string, owner: string, finish: RunFinish): Promise<boolean>;
  failRun(threadId: string, owner: string, result: RunResult | null): Promise<boolean>;
  listRuns(query: RunListQuery): Promise<RunSummary[]>;

  // The events of a run, in order (the run inspector, stream replay)
  appendRunEvents(threadId: string, events: RunEventRecord[]): Promise<void>;
  listRunEvents(threadId: string, afterSeq?: number, limit?: number): Promise<RunEventRecord[]>;

  // Budget reservations: worst-case cost held while a model call runs, so concurrent runs cannot overspend
  /**
   * Atomically reserves `amount_usd` when the tenant's recorded spend, plus what its in-flight runs
   * hold, plus the amount stays within `ceiling_usd`.
   */
  reserveBudget(request: BudgetReservationRequest): Promise<BudgetReservationOutcome>;
  /** Replaces a reservation by the call's actual cost (kept until the run's usage record exists). */
  settleBudget(id: string, actualUsd: number): Promise<void>;
  /** What a tenant's in-flight runs hold or have spent without a usage record yet. */
  pendingSpend(tenantId: string): Promise<number>;
  /** What a run's settled model calls cost (for the usage record of a run whose process died). */
  threadCharges(threadId: string): Promise<number>;
  /** What the tenant's latest successful runs cost, newest first (at most `limit`). */
  recentRunCosts(tenantId: string, limit: number): Promise<number[]>;

  // Idempotency of side effects: thread + tool call id
  /** Returns true for the first caller with this key; later callers get false. */
  claimSideEffect(key: string, threadId: string): Promise<boolean>;
  /** Records what the side effect came to (so a repeat reuses it instead of running again). */
  recordSideEffectOutcome(key: string, outcome: ToolOutcome): Promise<void>;
  /** The claim, with its outcome once recorded (null while the side effect is running or if it never finished). */
  getSideEffect(key: string): Promise<{ key: string; thread_id: string; outcome: ToolOutcome | null } | undefined>;

  // Sessions. A tenant id (when given) limits reads and deletes to that tenant's turns, so two
  // tenants using the same session id never see each other's; null/undefined means every tenant.
  appendSessionTurn(sessionId: string, tenantId: string, turn: Omit<SessionTurn, 'created_at'>): Promise<void>;
  getSessionTurns(sessionId: string, limit?: number, tenantId?: string | null): Promise<SessionTurn[]>;
  clearSession(sessionId: string, tenantId?: string | null): Promise<void>;
  listSessions(limit?: number, tenantId?: string | null): Promise<SessionSummary[]>;

  // Workflows, saved per tenant (default 'default')
  saveWorkflow(name: string, spec: unknown, tenantId?: string): Promise<WorkflowRecord>;
  getWorkflow(name: string, tenantId?: string): Promise<WorkflowRecord | undefined>;
  listWorkflows(tenantId?: string): Promise<string[]>;
  deleteWorkflow(name: string, tenantId?: string): Promise<boolean>;

  // Usage and aggregates (computed in SQL with indexes, never by loading every record)
  recordUsage(record: UsageRecord): Promise<void>;
  /** Records many usage records in one transaction (imports, seeding); all or none are written. */
  recordUsageBatch?(records: UsageRecord[]): Promise<void>;
  tenantSpend(tenantId: string): Promise<number>;
  costsByTenant(): Promise<Record<string, TenantCosts>>;
  /** Aggregates over every tenant, or over one tenant's records when `tenantId` is given. */
  monitoring(options?: { recent?: number; days?: number; tenantId?: string | null }): Promise<MonitoringAggregates>;

  // Memory (namespaced per tenant)
  /** Stores a lesson; `vectors`, when given, enter the vector index in the same transaction. */
  addLesson(lesson: NewLesson, vectors?: LessonVectors): Promise<Lesson>;
  /** Stores many lessons in one transaction (imports, seeding); all or none are written. */
  addLessons(lessons: { lesson: NewLesson; vectors?: LessonVectors }[]): Promise<Lesson[]>;
  /** Changing the text without new `vectors` drops the lesson's indexed vectors (they would describe the old text). */
  updateLesson(id: string, patch: LessonPatch, vectors?: LessonVectors): Promise<void>;
  /** What remember writes, in one transaction: the new or merged lesson and its episode; returns the lesson as stored. */
  rememberLesson(write: LessonMemoryWrite): Promise<Lesson>;
  /** Counts one more use of each lesson (recall), in one statement. */
  markLessonsUsed(ids: string[]): Promise<void>;
  deleteLessons(ids: string[]): Promise<void>;
  listLessons(tenantId: string, limit?: number): Promise<Lesson[]>;
  /** Full-text (BM25) search over a tenant's lessons, best first. */
  searchLessonsText(tenantId: string, query: string, limit: number): Promise<Lesson[]>;
  /** Lessons with embeddings for dense ranking (most recent first, bounded). */
  lessonsWithEmbeddings(tenantId: string, limit: number): Promise<Lesson[]>;
  /**
   * A tenant's lessons nearest to `vector` by cosine over every indexed lesson, nearest first
   * (approximate once a tenant is large: an ANN index). Null when this backend has no vector index.
   */
  nearestLessons(tenantId: string, kind: LessonVectorKind, vector: number[], limit: number): Promise<Lesson[] | null>;
  /**
   * recall's two candidate lists at once, the lessons fetched in one query: full-text hits for
   * `query`, and the lessons nearest to `vector` by their document vectors (null without an index).
   */
  lessonCandidates(
    tenantId: string,
    search: { query: string; textLimit: number; vector: number[]; vectorLimit: number },
  ): Promise<{ text: Lesson[]; nearest: Lesson[] | null }>;
  /** Lessons of a tenant not yet in the vector index (written before it existed); empty without an index. */
  lessonsWithoutVectors(tenantId: string, limit: number): Promise<Lesson[]>;
  /** Puts a lesson's vectors into the index (replacing any); a no-op without an index. */
  setLessonVectors(id: string, vectors: LessonVectors): Promise<void>;
  clearLessons(tenantId: string): Promise<number>;
  addEpisode(episode: Omit<Episode, 'id' | 'created_at'>): Promise<Episode>;
  /** Points the episodes of merged-away lessons at the lesson that absorbed them; returns how many moved. */
  reassignEpisodes?(fromLessonIds: string[], toLessonId: string): Promise<number>;
  listEpisodes(tenantId: string, limit?: number): Promise<Episode[]>;

  // API keys (the record holds a salted hash of the secret, never the secret)
  createApiKey(record: ApiKeyRecord): Promise<void>;
  getApiKey(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Every key, active and revoked, newest first. */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked; false when there is no such key or it was already revoked. */
  revokeApiKey(keyId: string): Promise<boolean>;
  /** Whether any key was ever created (revoked ones count). */
  hasApiKeys(): Promise<boolean>;
}
