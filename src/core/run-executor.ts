// Executes one invocation of a run — a start, a resume or a takeover — on the run loop, and records
// how it ended: a pause (checkpoint and pending action), a result (run record, usage, session turn),
// or a failure (a failed result with its spend). Only the run's current lease holder may record
// anything, so a process that lost a run to a takeover never writes over the new owner's work.
import { RiptideError } from '../errors/riptide-error.js';
import { isStoredRunEvent, type RunEvent } from '../spec/run-events.js';
import type { RunObserver } from '../spec/run-observer.js';
import type { PendingRun, ResumeInput, RunOutcome, RunResult } from '../spec/run-result.js';
import type { RunCheckpoint, RunRecord } from '../spec/store-records.js';
import type { BudgetReservation } from '../usage/budget-guard.js';
import type { FinalSchemaCompiler } from './final-schema.js';
import { createModelCaller } from './model-caller.js';
import type { NodeContext } from './node-context.js';
import type { RunDependencies } from './run-dependencies.js';
import type { GraphFeatures, NodeName } from './run-graph.js';
import type { RunLeases } from './run-leases.js';
import { runLoop } from './run-loop.js';
import { buildFailedResult, buildRunResult, usageRecordOf } from './run-result-builder.js';
import type { RunRuntime } from './run-runtime.js';
import type { StaticPlan } from './run-service.js';
import type { RunState } from './run-state.js';

/** The part of a stored run an invocation needs. */
export type InvocationRecord = Pick<
  RunRecord,
  'thread_id' | 'tenant_id' | 'task' | 'interactive' | 'session_id' | 'options'
>;

export interface Invocation {
  record: InvocationRecord;
  state: RunState;
  /** Where the run loop starts: the graph's first node, or where the run paused or was interrupted. */
  start: NodeName;
  /** The human's answer for the node the run paused before. */
  resume: ResumeInput | null;
  /** Number of the run's next event (events of earlier invocations keep theirs). */
  eventSeq: number;
  staticPlan?: StaticPlan | null;
  forcedMode?: 'single' | 'swarm' | null;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Checkpoint before every node, so the run can continue where it was if its process dies. */
  durable?: boolean;
  /** The run's admission hold on its tenant's budget (released while the run waits for a human). */
  admission?: BudgetReservation | null;
}

export interface RunExecutorOptions {
  leases: RunLeases;
  schemas: FinalSchemaCompiler;
  /** Keep each run's events in the store (the run inspector, stream replay). */
  recordEvents: boolean;
  /** Told after a run's events or status were written (live streams on other replicas wake up). */
  onEventsStored?: (threadId: string) => void;
  /** Watches every invocation's events from outside (traces, metrics). */
  observer?: RunObserver;
  /**
   * How far apart a durable run's checkpoints may be while its nodes run (ms; 0: before every node).
   * Default 20 ms.
   */
  checkpointIntervalMs?: number;
}

/**
 * A durable run checkpoints (with its events) between two nodes when the last checkpoint is this old,
 * and always after a node that acted outside the run. A model call over the network takes longer, so
 * such a run still checkpoints before every node and its joined streams follow it node by node; a run
 * whose nodes take microseconds (the offline model, a local one) writes once per interval instead of
 * once per node; a takeover repeats the node it was in and at most that much pure work before it.
 */
const DEFAULT_CHECKPOINT_INTERVAL_MS = 20;

/** Nodes that write outside the run state without a side-effect record: reflect stores a lesson. */
const WRITING_NODES: ReadonlySet<NodeName> = new Set(['reflect']);

export interface RunExecutor {
  execute(invocation: Invocation): Promise<RunOutcome>;
}

/** What a checkpoint holds besides the node and the state: the events numbered so far. */
export interface StoredCheckpoint extends RunCheckpoint {
  next: NodeName;
  state: RunState;
  event_seq: number;
}

export function featuresOf(deps: RunDependencies, options: RunRecord['options'], interactive: boolean): GraphFeatures {
  return {
    guardrails: options.guardrails,
    memory: options.memory,
    critic: options.critic,
    supervisor: options.supervisor,
    interactive,
    supervisorMaxRounds: deps.config.graph.supervisorMaxRounds,
  };
}

export function createRunExecutor(deps: RunDependencies, options: RunExecutorOptions): RunExecutor {
  const { store } = deps;
  const { leases } = options;

  async function execute(invocation: Invocation): Promise<RunOutcome> {
    const { record, state } = invocation;
    const threadId = record.thread_id;
    const owner = leases.owner;
    const started = performance.now();
    // Time spent in earlier invocations (a resumed run) counts toward the run's latency.
    const priorMs = state.trace.reduce((sum, entry) => sum + entry.duration_ms, 0);
    const latencyMs = () => performance.now() - started + priorMs;

    let seq = invocation.eventSeq;
    const recorded: { seq: number; event: RunEvent }[] = [];
    const observation = options.observer?.begin({
      threadId,
      tenantId: record.tenant_id,
      task: record.task,
      interactive: record.interactive,
      kind: invocation.resume ? 'resume' : invocation.eventSeq > 0 ? 'continue' : 'start',
    });
    let fatal: unknown;
    const emit = (event: RunEvent) => {
      observation?.event(event);
      if (options.recordEvents && isStoredRunEvent(event)) {
        recorded.push({ seq, event });
        seq += 1;
      }
      invocation.onEvent?.(event);
    };
    const runtime: RunRuntime = {
      deps,
      options: record.options,
      threadId,
      interactive: record.interactive,
      signal: invocation.signal,
      finalSchema: record.options.final_schema ? options.schemas.compile(record.options.final_schema) : null,
      staticPlan: invocation.staticPlan ?? null,
      forcedMode: invocation.forcedMode ?? null,
      toolShortlists: new Map(),
      sideEffectsStarted: 0,
    };
    const context: NodeContext = {
      runtime,
      caller: createModelCaller(runtime, state.metrics, emit),
      emit,
      streaming: invocation.onEvent !== undefined,
      resume: invocation.resume,
    };
    const checkpoint = (next: NodeName): StoredCheckpoint => ({ next, state, event_seq: seq });
    const checkpointIntervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    let checkpointedAt = started;
    let sideEffectsCheckpointed = 0;
    /** Whether to checkpoint before `next`: the interval has passed, or `previous` acted outside the run. */
    const checkpointDue = (previous: NodeName) =>
      runtime.sideEffectsStarted > sideEffectsCheckpointed ||
      WRITING_NODES.has(previous) ||
      performance.now() - checkpointedAt >= checkpointIntervalMs;

    leases.acquire();
    try {
      const outcome = await runLoop({
        features: featuresOf(deps, record.options, record.interactive),
        start: invocation.start,
        state,
        context,
        beforeNode: invocation.durable
          ? async (next, previous) => {
              if (!checkpointDue(previous)) return;
              // A durable run's events go with each checkpoint, so a stream joined elsewhere follows it live.
              const events = recorded.splice(0);
              sideEffectsCheckpointed = runtime.sideEffectsStarted;
              const stillOwner = await store.saveRunCheckpoint(threadId, owner, checkpoint(next), events);
              // Another process took the run over (this one's lease lapsed while it was stalled):
              // going on would race the new owner, so stop before the next node runs anything.
              if (!stillOwner) {
                throw new RiptideError(
                  'interrupted',
                  'another worker took this run over after this process stopped renewing its lease',
                );
              }
              checkpointedAt = performance.now();
              if (events.length > 0) options.onEventsStored?.(threadId);
            }
          : undefined,
      });
      if (outcome.kind === 'paused') {
        const pending: PendingRun = { status: 'pending_approval', thread_id: threadId, action: outcome.action };
        emit({ event: 'pending', thread_id: threadId, action: outcome.action });
        // A run waiting for a human (maybe for days) holds nothing of its tenant's budget.
        if (invocation.admission) await deps.budgets.settle(invocation.admission, 0);
        await store.markRunPending(threadId, owner, outcome.action, checkpoint(outcome.next), recorded.splice(0));
        options.onEventsStored?.(threadId);
        return pending;
      }
      const result = buildRunResult(state, { threadId, tenantId: record.tenant_id, latencyMs: latencyMs() });
      await store.finishRun(threadId, owner, {
        status: 'completed',
        result,
        usage: usageRecordOf(result, record.task),
        ...(record.session_id
          ? {
              session: {
                session_id: record.session_id,
                turn: {
                  task: record.task,
                  final_answer: result.final_answer,
                  mode: result.mode,
                  blocked: result.blocked,
                  thread_id: threadId,
                },
              },
            }
          : {}),
        events: recorded.splice(0),
      });
      options.onEventsStored?.(threadId);
      emit({ event: 'result', result });
      return result;
    } catch (error) {
      const failed = buildFailedResult(error, {
        threadId,
        tenantId: record.tenant_id,
        latencyMs: latencyMs(),
        task: record.task,
        partial: state,
      });
      await store.finishRun(threadId, owner, {
        status: 'failed',
        result: failed,
        usage: usageRecordOf(failed, record.task),
        events: recorded.splice(0),
      });
      options.onEventsStored?.(threadId);
      if (isFatal(error)) {
        fatal = error;
        throw error;
      }
      emit({ event: 'result', result: failed });
      return failed;
    } finally {
      leases.release();
      observation?.end(fatal);
    }
  }

  return { execute };
}

/** Records that a run's process died while the run could not be continued: failed, `interrupted`. */
export async function recordInterrupted(
  deps: Pick<RunDependencies, 'store'>,
  owner: string,
  record: RunRecord,
  detail: string,
): Promise<RunResult> {
  const { store } = deps;
  const failed = buildFailedResult(new RiptideError('interrupted', detail), {
    threadId: record.thread_id,
    tenantId: record.tenant_id,
    latencyMs: 0,
    task: record.task,
  });
  // What its model calls cost before the process died is still the tenant's spend.
  failed.metrics.cost_usd = await store.threadCharges(record.thread_id);
  await store.finishRun(record.thread_id, owner, {
    status: 'failed',
    result: failed,
    usage: usageRecordOf(failed, record.task),
    events: [],
  });
  return failed;
}

/** Errors the caller must see as errors (budget → 402, abort), not as a failed RunResult. */
function isFatal(error: unknown): boolean {
  if (RiptideError.is(error) && (error.code === 'budget_exceeded' || error.code === 'aborted')) return true;
  return (error as Error)?.name === 'AbortError';
}
