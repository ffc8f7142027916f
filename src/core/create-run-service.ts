// The run service: the one API the CLI, the HTTP server, MCP and the Studio call. It validates run
// options, stores each run with the configuration it started with and a lease, drives the run loop
// (run-executor.ts), turns pauses into pending answers, resumes them exactly once from any process,
// and takes over the runs of processes that died.
import { ResumeError, RiptideError } from '../errors/riptide-error.js';
import type { RunEvent } from '../spec/run-events.js';
import type { RunObserver } from '../spec/run-observer.js';
import type { ExtendedRunOptionsInput, RunOptions, RunOptionsInput } from '../spec/run-options.js';
import { type ResumeInput, type RunOutcome, type RunResult, resumeInputSchema } from '../spec/run-result.js';
import type { RunRecord } from '../spec/store-records.js';
import { streamChatTurn } from './chat-stream.js';
import { boundHistory, renderConversation } from './conversation-window.js';
import { createEventQueue } from './event-queue.js';
import { createFinalSchemaCompiler } from './final-schema.js';
import { parseRunOptions } from './parse-run-options.js';
import type { RunDependencies } from './run-dependencies.js';
import {
  createRunExecutor,
  featuresOf,
  type Invocation,
  recordInterrupted,
  type StoredCheckpoint,
} from './run-executor.js';
import { firstNode, isHumanNode, isNodeName } from './run-graph.js';
import { createRunLeases } from './run-leases.js';
import { buildFailedResult, usageRecordOf } from './run-result-builder.js';
import type { BackgroundRunRequest, RunContext, RunService } from './run-service.js';
import { initialRunState, type RunState } from './run-state.js';

export interface RunServiceOptions {
  /** How long a run's lease lasts without renewal before another process may take it over (ms). */
  leaseMs?: number;
  /** This process's name as a run owner (default: host, pid and a random suffix). */
  owner?: string;
  /** Keep each run's events in the store for the run inspector (default true). */
  recordEvents?: boolean;
  /** Told after a run's events or status were written (the run queue's live streams). */
  onEventsStored?: (threadId: string) => void;
  /** Told after a background run went back to the queue (its worker died or drained): enqueue it again. */
  onRequeued?: (record: RunRecord) => Promise<void>;
  /** Watches every run's events from outside: traces, metrics (see src/spec/run-observer.ts). */
  observer?: RunObserver;
  /** How far apart a background run's checkpoints may be while its nodes run (ms; see run-executor.ts). */
  checkpointIntervalMs?: number;
}

export interface ClosableRunService extends RunService {
  close(): Promise<void>;
}

const DEFAULT_LEASE_MS = 30_000;
const RECOVERY_BATCH = 100;

export function createRunService(deps: RunDependencies, serviceOptions: RunServiceOptions = {}): ClosableRunService {
  const { store, budgets, models, config } = deps;
  const schemas = createFinalSchemaCompiler();
  const leaseMs = serviceOptions.leaseMs ?? DEFAULT_LEASE_MS;
  const leases = createRunLeases({ store, leaseMs, owner: serviceOptions.owner });
  const recoveryTimers = new Set<NodeJS.Timeout>();
  const executor = createRunExecutor(deps, {
    leases,
    schemas,
    recordEvents: serviceOptions.recordEvents ?? true,
    onEventsStored: serviceOptions.onEventsStored,
    observer: serviceOptions.observer,
    checkpointIntervalMs: serviceOptions.checkpointIntervalMs,
  });
  const background = new Set<Promise<unknown>>();

  const invocationOf = (record: RunRecord): Pick<Invocation, 'record'> => ({
    record: {
      thread_id: record.thread_id,
      tenant_id: record.tenant_id,
      task: record.task,
      interactive: record.interactive,
      session_id: record.session_id,
      options: record.options,
    },
  });

  const start = async (
    input: ExtendedRunOptionsInput,
    context: RunContext,
    interactive: boolean,
    onEvent?: (event: RunEvent) => void,
  ): Promise<RunOutcome> => {
    const options = parseRunOptions(input);
    if (options.final_schema) schemas.compile(options.final_schema);
    const threadId = context.threadId ?? crypto.randomUUID();
    const admission = await admit(options, threadId);
    const history = boundHistory(context.history ?? [], config.graph.historyMaxTokens, (text) =>
      models.countTokens(text),
    );
    const record = await store.createRun({
      thread_id: threadId,
      tenant_id: options.tenant_id,
      task: options.task,
      options,
      interactive,
      history,
      status: 'running',
      session_id: context.sessionId ?? null,
      workflow_name: context.workflowName ?? null,
      owner: leases.owner,
      lease_expires_at: leases.expiry(),
    });
    return executor.execute({
      ...invocationOf(record),
      state: initialRunState(options.task, renderConversation(history)),
      start: firstNode(featuresOf(deps, options, interactive)),
      resume: null,
      eventSeq: 0,
      staticPlan: context.staticPlan ?? null,
      forcedMode: context.mode && context.mode !== 'auto' ? context.mode : null,
      signal: context.signal,
      onEvent,
      admission,
    });
  };

  /** Admits the run against its tenant's budget; a refused run still leaves a usage record. */
  const admit = async (options: RunOptions, threadId: string) => {
    try {
      return await budgets.admit(options.tenant_id, threadId);
    } catch (error) {
      if (RiptideError.is(error) && error.code === 'budget_exceeded') {
        const refused = buildFailedResult(error, {
          threadId,
          tenantId: options.tenant_id,
          latencyMs: 0,
          task: options.task,
        });
        await store.recordUsage(usageRecordOf(refused, options.task));
      }
      throw error;
    }
  };

  const resume = async (
    threadId: string,
    rawInput: ResumeInput,
    signal: AbortSignal | undefined,
    onEvent?: (event: RunEvent) => void,
  ): Promise<RunOutcome> => {
    const input = resumeInputSchema.parse(rawInput ?? {});
    const record = await store.getRun(threadId);
    if (!record) throw new ResumeError(`no run with thread id '${threadId}'`);
    // A run waiting on the caller's own functions pauses whether or not it is interactive.
    const waitsOnCaller = record.pending_action?.type === 'client_tool_calls';
    if (record.status !== 'pending' || !(record.interactive || waitsOnCaller)) {
      throw new ResumeError(`run '${threadId}' has nothing pending (status: ${record.status})`);
    }
    const checkpoint = checkpointOf(record);
    if (!checkpoint) throw new ResumeError(`run '${threadId}' has no checkpoint to resume from`);
    const claim = { input, owner: leases.owner, lease_expires_at: leases.expiry() };
    if (!(await store.claimResume(threadId, record.pending_seq, claim))) {
      throw new ResumeError(`run '${threadId}' was already resumed`);
    }
    return executor.execute({
      ...invocationOf(record),
      state: checkpoint.state,
      start: checkpoint.next,
      resume: input,
      eventSeq: checkpoint.event_seq,
      signal,
      onEvent,
    });
  };

  /** Continues a run taken over from a dead process, in the background. */
  const continueStranded = async (record: RunRecord): Promise<void> => {
    if (record.background) {
      // A background run goes back to the queue: a worker continues it from its last checkpoint.
      if (await store.requeueRun(record.thread_id, leases.owner)) await serviceOptions.onRequeued?.(record);
      return;
    }
    const checkpoint = checkpointOf(record);
    if (checkpoint) {
      // A claimed resume carries the human's answer for the node the run paused before.
      const answer = isHumanNode(checkpoint.next) ? resumeInputSchema.safeParse(record.resume_input ?? {}) : null;
      await executor.execute({
        ...invocationOf(record),
        state: checkpoint.state,
        start: checkpoint.next,
        resume: answer?.success ? answer.data : null,
        eventSeq: checkpoint.event_seq,
      });
      return;
    }
    if (record.interactive) {
      // Nothing side-effecting happens before an interactive run's first pause: run it again from
      // the start, and it stops where it would have stopped.
      await executor.execute({
        ...invocationOf(record),
        state: initialRunState(record.task, renderConversation(record.history)),
        start: firstNode(featuresOf(deps, record.options, true)),
        resume: null,
        eventSeq: 0,
      });
      return;
    }
    await recordInterrupted(
      deps,
      leases.owner,
      record,
      'the process running this run stopped before it finished; the run was not continued because its caller is gone — start it again',
    );
  };

  /** Streams a run: events as they happen; the run is aborted if the consumer stops early. */
  const streamOf = (
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal, onEvent: (event: RunEvent) => void) => Promise<RunOutcome>,
  ): AsyncIterable<RunEvent> => {
    const controller = new AbortController();
    const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    const queue = createEventQueue<RunEvent>(() => controller.abort(new RiptideError('aborted', 'stream closed')));
    run(combined, (event) => queue.push(event)).then(
      () => queue.end(),
      (error) => queue.fail(error),
    );
    return queue;
  };

  const enqueueRun = async (input: RunOptionsInput, request: BackgroundRunRequest): Promise<RunRecord> => {
    const options = parseRunOptions(input);
    if (options.final_schema) schemas.compile(options.final_schema);
    return store.createRun({
      thread_id: crypto.randomUUID(),
      tenant_id: options.tenant_id,
      task: options.task,
      options,
      interactive: request.interactive,
      history: [],
      status: 'queued',
      session_id: null,
      workflow_name: null,
      owner: null,
      lease_expires_at: null,
      background: true,
      webhook: request.webhook,
    });
  };

  const executeQueued = async (threadId: string, signal?: AbortSignal): Promise<RunOutcome | undefined> => {
    const record = await store.claimQueuedRun(threadId, leases.owner, leases.expiry());
    if (!record) return undefined;
    const checkpoint = checkpointOf(record);
    let admission: Invocation['admission'] = null;
    if (!checkpoint) {
      try {
        admission = await admit(record.options, threadId);
      } catch (error) {
        if (!(RiptideError.is(error) && error.code === 'budget_exceeded')) throw error;
        // Refused by the budget: the run ends failed (admit recorded its usage), with the reason.
        const refused = buildFailedResult(error, {
          threadId,
          tenantId: record.tenant_id,
          latencyMs: 0,
          task: record.task,
        });
        await store.failRun(threadId, leases.owner, refused);
        serviceOptions.onEventsStored?.(threadId);
        return refused;
      }
    }
    const answer =
      checkpoint && isHumanNode(checkpoint.next) ? resumeInputSchema.safeParse(record.resume_input ?? {}) : null;
    return executor.execute({
      ...invocationOf(record),
      state: checkpoint?.state ?? initialRunState(record.task, renderConversation(record.history)),
      start: checkpoint?.next ?? firstNode(featuresOf(deps, record.options, record.interactive)),
      resume: answer?.success ? answer.data : null,
      eventSeq: checkpoint?.event_seq ?? 0,
      durable: true,
      signal,
      admission,
    });
  };

  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => background.delete(settled));
    background.add(settled);
  };

  return {
    runTask: async (options, context = {}) => {
      const outcome = await start(options, { ...context, interactive: false }, false);
      return outcome as RunResult;
    },
    runInteractive: (options, context = {}) => start(options, context, true),
    resume: (threadId, input, context = {}) => resume(threadId, input, context.signal),
    streamRun: (options, context = {}) =>
      streamOf(context.signal, (signal, onEvent) =>
        start(options, { ...context, signal }, context.interactive ?? false, onEvent),
      ),
    streamResume: (threadId, input, context = {}) =>
      streamOf(context.signal, (signal, onEvent) => resume(threadId, input, signal, onEvent)),
    streamChat: (request) => streamChatTurn(deps, request),
    async getRun(threadId) {
      const record = await store.getRun(threadId);
      if (!record) return undefined;
      if (record.status === 'queued' || record.status === 'cancelled') {
        return { status: record.status, thread_id: threadId };
      }
      if (record.status === 'pending' && record.pending_action) {
        return { status: 'pending_approval', thread_id: threadId, action: record.pending_action };
      }
      if (record.result) return record.result;
      if (record.status === 'failed') {
        return buildFailedResult(new RiptideError('internal_error', 'the run failed'), {
          threadId,
          tenantId: record.tenant_id,
          latencyMs: 0,
          task: record.task,
        });
      }
      return { status: 'running', thread_id: threadId };
    },
    listRuns: (query) => store.listRuns(query),
    async recoverStranded(options = {}) {
      const claimed = await leases.claimExpired(options.limit ?? RECOVERY_BATCH);
      for (const record of claimed) track(continueStranded(record));
      return claimed.map((record) => record.thread_id);
    },
    startRecovery() {
      const sweep = () => {
        this.recoverStranded().catch(() => {
          // The next sweep retries; a store hiccup must not stop recovery.
        });
      };
      sweep();
      const timer = setInterval(sweep, Math.max(1_000, Math.floor(leaseMs / 2)));
      timer.unref();
      recoveryTimers.add(timer);
      return {
        stop() {
          clearInterval(timer);
          recoveryTimers.delete(timer);
        },
      };
    },
    enqueueRun,
    executeQueued: (threadId, context = {}) => executeQueued(threadId, context.signal),
    requeue: (threadId) => store.requeueRun(threadId, leases.owner),
    async settled() {
      while (background.size > 0) await Promise.all([...background]);
    },
    async close() {
      for (const timer of recoveryTimers) clearInterval(timer);
      recoveryTimers.clear();
      leases.close();
    },
  };
}

/** The checkpoint a stored run continues from, if it has a usable one. */
function checkpointOf(record: RunRecord): StoredCheckpoint | null {
  const checkpoint = record.checkpoint as Partial<StoredCheckpoint> | null;
  if (!checkpoint || !isNodeName(checkpoint.next) || !checkpoint.state) return null;
  return {
    next: checkpoint.next,
    state: checkpoint.state as RunState,
    event_seq: typeof checkpoint.event_seq === 'number' ? checkpoint.event_seq : 0,
  };
}
