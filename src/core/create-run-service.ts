// The run service: the one API the CLI, the HTTP server, MCP and the Studio call. It validates run
// options, stores each run's configuration with its thread, drives the compiled graph (cached per
// feature set), turns interrupts into pending answers, resumes them exactly once, and records usage.
import { Command } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import { BudgetExceededError, ResumeError, RiptideError } from '../errors/riptide-error.js';
import type { RunOptions, RunOptionsInput } from '../spec/run-options.js';
import {
  type PendingRun,
  type ResumeInput,
  type RunOutcome,
  type RunResult,
  resumeInputSchema,
} from '../spec/run-result.js';
import type { RunRecord } from '../store/store.js';
import { buildAgentGraph, type CompiledAgentGraph, type GraphFeatures, graphFeatureKey } from './build-agent-graph.js';
import { streamChatTurn } from './chat-stream.js';
import { boundHistory, renderConversation } from './conversation-window.js';
import { createEventQueue } from './event-queue.js';
import { createFinalSchemaCompiler } from './final-schema.js';
import { runAgentGraph } from './graph-runner.js';
import { type AgentStateUpdate, type AgentStateValue, addMetrics, zeroMetrics } from './graph-state.js';
import { parseRunOptions } from './parse-run-options.js';
import type { RunDependencies } from './run-dependencies.js';
import { buildFailedResult, buildRunResult, usageRecordOf } from './run-result-builder.js';
import { emptySpend, type RunRuntime } from './run-runtime.js';
import type { RunContext, RunEvent, RunService } from './run-service.js';

export interface RunServiceOptions {
  /**
   * Where LangGraph checkpoints of interactive runs live (chosen by the composition root, bound to
   * the store's backend so a resume can land on any process that shares it), and how to release it.
   */
  checkpointer: { readonly saver: BaseCheckpointSaver; close(): Promise<void> };
}

export interface ClosableRunService extends RunService {
  close(): Promise<void>;
}

/** One invocation of the graph for a run (a start or a resume). */
interface Invocation {
  record: Pick<RunRecord, 'thread_id' | 'tenant_id' | 'task' | 'interactive' | 'session_id'> & { options: RunOptions };
  input: AgentStateUpdate | Command;
  runtime: RunRuntime;
  /** State of earlier invocations (a resume): their metrics and trace count toward this result. */
  prior: AgentStateValue | null;
  onEvent?: (event: RunEvent) => void;
}

export function createRunService(deps: RunDependencies, serviceOptions: RunServiceOptions): ClosableRunService {
  const { store, budgets, models, config } = deps;
  const graphs = new Map<string, CompiledAgentGraph>();
  const schemas = createFinalSchemaCompiler();
  const { checkpointer } = serviceOptions;
  // Only interactive runs can stop for a human, so only they use checkpoints.
  const saver = (): BaseCheckpointSaver => checkpointer.saver;

  const graphFor = (options: RunOptions, interactive: boolean): CompiledAgentGraph => {
    const features: GraphFeatures = {
      guardrails: options.guardrails,
      memory: options.memory,
      critic: options.critic,
      supervisor: options.supervisor,
      interactive,
      supervisorMaxRounds: config.graph.supervisorMaxRounds,
    };
    const key = graphFeatureKey(features);
    let graph = graphs.get(key);
    if (!graph) {
      graph = buildAgentGraph(features, interactive ? saver() : undefined);
      graphs.set(key, graph);
    }
    return graph;
  };

  const runtimeFor = (
    record: Invocation['record'],
    signal: AbortSignal | undefined,
    extra: Partial<Pick<RunRuntime, 'staticPlan' | 'forcedMode' | 'priorCostUsd'>> = {},
  ): RunRuntime => ({
    deps,
    options: record.options,
    threadId: record.thread_id,
    interactive: record.interactive,
    signal,
    finalSchema: record.options.final_schema ? schemas.compile(record.options.final_schema) : null,
    spend: emptySpend(),
    priorCostUsd: extra.priorCostUsd ?? 0,
    staticPlan: extra.staticPlan ?? null,
    forcedMode: extra.forcedMode ?? null,
    toolShortlists: new Map(),
  });

  const invoke = async (invocation: Invocation): Promise<RunOutcome> => {
    const { record, runtime } = invocation;
    const started = performance.now();
    const priorLatency = (invocation.prior?.trace ?? []).reduce((sum, entry) => sum + entry.duration_ms, 0);
    const graph = graphFor(record.options, record.interactive);
    const outcome = await runAgentGraph(graph, invocation.input, {
      threadId: record.thread_id,
      runtime,
      durability: 'exit',
      signal: runtime.signal,
      onEvent: invocation.onEvent,
    });
    const context = {
      threadId: record.thread_id,
      tenantId: record.tenant_id,
      latencyMs: performance.now() - started + priorLatency,
    };
    if (outcome.kind === 'interrupted') {
      await store.markRunPending(record.thread_id, outcome.action);
      const pending: PendingRun = { status: 'pending_approval', thread_id: record.thread_id, action: outcome.action };
      invocation.onEvent?.({ event: 'pending', thread_id: record.thread_id, action: outcome.action });
      return pending;
    }
    if (outcome.kind === 'failed') {
      const spent = {
        ...zeroMetrics(),
        prompt_tokens: runtime.spend.promptTokens,
        completion_tokens: runtime.spend.completionTokens,
        cost_usd: runtime.spend.costUsd,
        model_calls: runtime.spend.modelCalls,
      };
      const metrics = addMetrics(invocation.prior?.metrics ?? zeroMetrics(), spent);
      const failed = buildFailedResult(outcome.error, {
        ...context,
        task: record.task,
        metrics,
        partial: outcome.state,
      });
      await store.recordUsage(usageRecordOf(failed, record.task));
      await store.failRun(record.thread_id, failed);
      if (isFatal(outcome.error)) throw outcome.error;
      invocation.onEvent?.({ event: 'result', result: failed });
      return failed;
    }
    const result = buildRunResult(outcome.state, context);
    await store.completeRun(record.thread_id, result);
    // A finished run is never resumed again: drop its checkpoints so the file does not grow forever.
    if (record.interactive) await saver().deleteThread(record.thread_id);
    await store.recordUsage(usageRecordOf(result, record.task));
    if (record.session_id) {
      await store.appendSessionTurn(record.session_id, record.tenant_id, {
        task: record.task,
        final_answer: result.final_answer,
        mode: result.mode,
        blocked: result.blocked,
        thread_id: record.thread_id,
      });
    }
    invocation.onEvent?.({ event: 'result', result });
    return result;
  };

  const start = async (
    input: RunOptionsInput,
    context: RunContext,
    interactive: boolean,
    onEvent?: (event: RunEvent) => void,
  ): Promise<RunOutcome> => {
    const options = parseRunOptions(input);
    if (options.final_schema) schemas.compile(options.final_schema);
    const threadId = crypto.randomUUID();
    try {
      await budgets.assertWithinBudget(options.tenant_id);
    } catch (error) {
      if (error instanceof BudgetExceededError) {
        // A refused run still leaves a usage record, so refusals show up in costs and monitoring.
        const refused = buildFailedResult(error, {
          threadId,
          tenantId: options.tenant_id,
          latencyMs: 0,
          task: options.task,
          metrics: zeroMetrics(),
        });
        await store.recordUsage(usageRecordOf(refused, options.task));
      }
      throw error;
    }
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
      pending_action: null,
      pending_seq: 0,
      result: null,
      session_id: context.sessionId ?? null,
      workflow_name: context.workflowName ?? null,
    });
    const forcedMode = context.mode && context.mode !== 'auto' ? context.mode : null;
    return invoke({
      record,
      input: { task: options.task, conversation: renderConversation(history) },
      runtime: runtimeFor(record, context.signal, { staticPlan: context.staticPlan ?? null, forcedMode }),
      prior: null,
      onEvent,
    });
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
    if (record.status !== 'pending' || !record.interactive) {
      throw new ResumeError(`run '${threadId}' has nothing pending (status: ${record.status})`);
    }
    if (!(await store.claimResume(threadId, record.pending_seq))) {
      throw new ResumeError(`run '${threadId}' was already resumed`);
    }
    const graph = graphFor(record.options, true);
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    const prior = (snapshot?.values ?? null) as AgentStateValue | null;
    return invoke({
      record,
      input: new Command({ resume: input }),
      runtime: runtimeFor(record, signal, { priorCostUsd: prior?.metrics?.cost_usd ?? 0 }),
      prior,
      onEvent,
    });
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
          metrics: zeroMetrics(),
        });
      }
      return { status: 'running', thread_id: threadId };
    },
    listRuns: (query) => store.listRuns(query),
    async close() {
      graphs.clear();
      await checkpointer.close();
    },
  };
}

/** Errors the caller must see as errors (budget → 402, abort), not as a failed RunResult. */
function isFatal(error: unknown): boolean {
  if (error instanceof BudgetExceededError) return true;
  if (RiptideError.is(error) && error.code === 'aborted') return true;
  return (error as Error)?.name === 'AbortError';
}
