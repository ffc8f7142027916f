// The Store seam: everything riptide persists. One interface, one conformance suite
// (testing/store-conformance.ts), implemented over kysely for SQLite and PostgreSQL. The records it
// returns are the spec's (spec/store-records.ts, spec/insights.ts).
import type { MonitoringAggregates, TenantCosts } from '../spec/insights.js';
import type { PendingAction, RunResult } from '../spec/run-result.js';
import type {
  Episode,
  Lesson,
  RunListQuery,
  RunRecord,
  RunSummary,
  SessionSummary,
  SessionTurn,
  UsageRecord,
  WorkflowRecord,
} from '../spec/store-records.js';

export type { MonitoringAggregates, TenantCosts } from '../spec/insights.js';
export type {
  ConversationTurn,
  Episode,
  Lesson,
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

export interface Store {
  /** Creates tables and indexes (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // Runs
  createRun(run: Omit<RunRecord, 'created_at' | 'updated_at'>): Promise<RunRecord>;
  getRun(threadId: string): Promise<RunRecord | undefined>;
  /** Marks the run pending with a new sequence number and action. */
  markRunPending(threadId: string, action: PendingAction): Promise<number>;
  /**
   * Claims the pending stop `seq` for one resumer. Returns false when another resume already claimed
   * it (or the run is not pending at that seq): the caller answers a resume error.
   */
  claimResume(threadId: string, seq: number): Promise<boolean>;
  completeRun(threadId: string, result: RunResult): Promise<void>;
  failRun(threadId: string, result: RunResult | null): Promise<void>;
  listRuns(query: RunListQuery): Promise<RunSummary[]>;

  // Idempotency of side effects: thread + tool call id
  /** Returns true for the first caller with this key; later callers get false. */
  claimSideEffect(key: string, threadId: string): Promise<boolean>;
  recordSideEffectOutput(key: string, output: string): Promise<void>;
  getSideEffect(key: string): Promise<{ key: string; thread_id: string; output: string | null } | undefined>;

  // Sessions
  appendSessionTurn(sessionId: string, tenantId: string, turn: Omit<SessionTurn, 'created_at'>): Promise<void>;
  getSessionTurns(sessionId: string, limit?: number): Promise<SessionTurn[]>;
  clearSession(sessionId: string): Promise<void>;
  listSessions(limit?: number): Promise<SessionSummary[]>;

  // Workflows
  saveWorkflow(name: string, spec: unknown): Promise<WorkflowRecord>;
  getWorkflow(name: string): Promise<WorkflowRecord | undefined>;
  listWorkflows(): Promise<string[]>;
  deleteWorkflow(name: string): Promise<boolean>;

  // Usage and aggregates (computed in SQL with indexes, never by loading every record)
  recordUsage(record: UsageRecord): Promise<void>;
  /** Records many usage records in one transaction (imports, seeding); all or none are written. */
  recordUsageBatch?(records: UsageRecord[]): Promise<void>;
  tenantSpend(tenantId: string): Promise<number>;
  costsByTenant(): Promise<Record<string, TenantCosts>>;
  monitoring(options?: { recent?: number; days?: number }): Promise<MonitoringAggregates>;

  // Memory (namespaced per tenant)
  addLesson(lesson: Omit<Lesson, 'id' | 'created_at' | 'updated_at' | 'uses'>): Promise<Lesson>;
  updateLesson(
    id: string,
    patch: Partial<Pick<Lesson, 'text' | 'tags' | 'embedding' | 'uses' | 'success'>>,
  ): Promise<void>;
  deleteLessons(ids: string[]): Promise<void>;
  listLessons(tenantId: string, limit?: number): Promise<Lesson[]>;
  /** Full-text (BM25) search over a tenant's lessons, best first. */
  searchLessonsText(tenantId: string, query: string, limit: number): Promise<Lesson[]>;
  /** Lessons with embeddings for dense ranking (most recent first, bounded). */
  lessonsWithEmbeddings(tenantId: string, limit: number): Promise<Lesson[]>;
  clearLessons(tenantId: string): Promise<number>;
  addEpisode(episode: Omit<Episode, 'id' | 'created_at'>): Promise<Episode>;
  /** Points the episodes of merged-away lessons at the lesson that absorbed them; returns how many moved. */
  reassignEpisodes?(fromLessonIds: string[], toLessonId: string): Promise<number>;
  listEpisodes(tenantId: string, limit?: number): Promise<Episode[]>;
}
