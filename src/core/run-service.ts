// The RunService seam: the one API the CLI, the HTTP server, MCP and the Studio call to run tasks.

import type { ChatEvent, RunEvent, StepEvent } from '../spec/run-events.js';
import type { ExtendedRunOptionsInput, RunOptionsInput, Sampling } from '../spec/run-options.js';
import type { ResumeInput, RunLookup, RunOutcome, RunResult } from '../spec/run-result.js';
import type { ConversationTurn, RunListQuery, RunRecord, RunSummary } from '../store/store.js';

export type { ChatEvent, RunEvent, StepEvent };

export interface RunContext {
  /** Aborts the run's in-flight model calls (client disconnect, Ctrl-C). */
  signal?: AbortSignal;
  /** Prior turns given as conversation context (bounded by tokens inside the service). */
  history?: ConversationTurn[];
  /** The session the run belongs to; the turn is appended when the run completes. */
  sessionId?: string | null;
  /** The new run's thread id, when the caller must name it before the run starts (a fresh UUID by default). */
  threadId?: string;
  /** Stop at side-effecting tools and clarifications instead of auto-approving. */
  interactive?: boolean;
  /** Name of the saved workflow being run, if any (recorded with the run). */
  workflowName?: string | null;
  /** A fixed plan that replaces the orchestrator's own (workflows): subtasks with roles and dependencies. */
  staticPlan?: StaticPlan | null;
  /** Force a mode for a static plan ('auto' lets the composer decide). */
  mode?: 'auto' | 'single' | 'swarm';
}

export interface StaticPlanStep {
  id: string;
  subtask: string;
  role: string;
  depends_on: string[];
  label?: string;
}

export interface StaticPlan {
  steps: StaticPlanStep[];
}

export interface ChatRequest {
  message: string;
  tenant_id?: string;
  offline?: boolean;
  model?: string | null;
  sampling?: Sampling | null;
  history?: ConversationTurn[];
  signal?: AbortSignal;
  /** The turn's id (its usage record and session turn carry it), when the caller names it up front. */
  threadId?: string;
}

/** How a background run (POST /api/runs) was asked for, besides its run options. */
export interface BackgroundRunRequest {
  interactive: boolean;
  /** Called when the run finishes or pauses. */
  webhook: string | null;
}

export interface RunService {
  /** Runs to completion, auto-approving side-effecting tools and answering clarifications with "proceed on your best assumption". */
  runTask(options: ExtendedRunOptionsInput, context?: RunContext): Promise<RunResult>;
  /** Runs until it completes or stops for a human (tool approval or clarification). */
  runInteractive(options: ExtendedRunOptionsInput, context?: RunContext): Promise<RunOutcome>;
  /** Continues a pending run with the configuration it started with; throws ResumeError when nothing is pending or another resume won. */
  resume(threadId: string, input: ResumeInput, context?: Pick<RunContext, 'signal'>): Promise<RunOutcome>;
  /** Streams a run: composition, node timings, subtask steps, finalize token deltas as they arrive, then pending or result. */
  streamRun(options: ExtendedRunOptionsInput, context?: RunContext): AsyncIterable<RunEvent>;
  /** Streams a resumed run like streamRun. */
  streamResume(threadId: string, input: ResumeInput, context?: Pick<RunContext, 'signal'>): AsyncIterable<RunEvent>;
  /** A direct single-model chat turn: no graph, no tools. */
  streamChat(request: ChatRequest): AsyncIterable<ChatEvent>;
  /** A stored run's result or pending action (undefined for an unknown thread). */
  getRun(threadId: string): Promise<RunLookup | undefined>;
  listRuns(query: RunListQuery): Promise<RunSummary[]>;
  /**
   * Takes over the runs whose processes died (expired leases) and continues them here: an
   * interactive run from its last checkpoint, an auto-approved one marked failed (`interrupted`).
   * Resolves with the thread ids taken over; their runs go on in the background.
   */
  recoverStranded(options?: { limit?: number }): Promise<string[]>;
  /**
   * Keeps taking over stranded runs: now, then every half lease, until stopped (long-lived
   * processes — `riptide serve`, workers — call it; a one-shot CLI run does not).
   */
  startRecovery(): { stop(): void };
  /** Waits until the runs this service continues in the background have settled. */
  settled(): Promise<void>;
  /** Validates the options and stores a background run as `queued`; a worker runs it with executeQueued. */
  enqueueRun(options: RunOptionsInput, request: BackgroundRunRequest): Promise<RunRecord>;
  /**
   * Executes a queued run here: claims it (of several workers exactly one wins), continues from its
   * last checkpoint if an earlier worker got that far, and checkpoints (with its events) before every
   * node. Undefined when there was nothing to claim (cancelled, finished, or another worker's).
   */
  executeQueued(threadId: string, context?: Pick<RunContext, 'signal'>): Promise<RunOutcome | undefined>;
  /** Hands a run this process executes back to the queue (a worker draining on shutdown); false when not its own. */
  requeue(threadId: string): Promise<boolean>;
}
