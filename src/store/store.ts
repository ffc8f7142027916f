// The Store seam: everything riptide persists besides LangGraph checkpoints. One interface, one
// conformance suite (store-conformance.ts), implemented over kysely for SQLite (and PostgreSQL).

import type { RunOptions } from '../core/run-options.js';
import type { PendingAction, RunResult } from '../core/run-result.js';

export type RunStatus = 'running' | 'pending' | 'completed' | 'failed';

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
  created_at: string;
  updated_at: string;
}

export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface RunListQuery {
  tenant_id?: string;
  status?: RunStatus;
  limit?: number;
}

export interface RunSummary {
  thread_id: string;
  tenant_id: string;
  task: string;
  status: RunStatus;
  mode: string | null;
  created_at: string;
  updated_at: string;
  pending_action: PendingAction | null;
}

export interface SessionTurn {
  task: string;
  final_answer: string;
  mode: string;
  blocked: boolean;
  thread_id: string;
  created_at: string;
}

export interface WorkflowRecord {
  name: string;
  spec: unknown;
  created_at: string;
  updated_at: string;
}

export interface UsageRecord {
  thread_id: string;
  tenant_id: string;
  task: string;
  mode: string;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  latency_ms: number;
  success: boolean;
  blocked: boolean;
  tool_calls_total: number;
  tool_calls_valid: number;
  subtask_count: number;
  /** ISO timestamp; defaults to now. */
  created_at?: string;
}

export interface TenantCosts {
  runs: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  blocked: number;
}

export interface MonitoringAggregates {
  totals: {
    runs: number;
    blocked: number;
    success_rate: number;
    avg_latency_ms: number;
    p95_latency_ms: number;
    total_tokens: number;
    total_cost_usd: number;
    tool_valid_rate: number;
  };
  by_mode: Record<string, { runs: number; cost_usd: number; avg_latency_ms: number; success_rate: number }>;
  by_tenant: Record<string, { runs: number; cost_usd: number; total_tokens: number; blocked: number }>;
  daily: { date: string; runs: number; cost_usd: number; tokens: number }[];
  recent: (UsageRecord & { created_at: string })[];
}

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
  listSessions(limit?: number): Promise<{ session_id: string; turns: number; last_task: string; updated_at: string }[]>;

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
