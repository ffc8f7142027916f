// Runs one turn of an OpenAI-surface conversation: starts a run, or resumes the run whose client
// tool calls the request answers (after checking the caller may see it), whole or streamed. The
// shared step of /v1/chat/completions and /v1/responses.
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../errors/riptide-error.js';
import { RiptideError } from '../errors/riptide-error.js';
import type { Riptide } from '../riptide-types.js';
import { ERROR_STATUS } from '../spec/error-codes.js';
import type { RunEvent } from '../spec/run-events.js';
import type { ExtendedRunOptionsInput } from '../spec/run-options.js';
import type { RunOutcome, RunResult } from '../spec/run-result.js';
import type { ConversationTurnPlan } from './openai-conversation.js';
import { tenantScope } from './security/request-principal.js';
import { assertRunVisible } from './security/run-visibility.js';

export interface TurnRequest {
  plan: ConversationTurnPlan;
  /** The thread id a new run gets (the Responses API names the response after it before it starts). */
  threadId?: string;
  /** The run options of a new run (its task, instructions and history come from the plan). */
  options: Omit<ExtendedRunOptionsInput, 'task'>;
}

async function resumeTarget(riptide: Riptide, request: FastifyRequest, threadId: string): Promise<void> {
  await assertRunVisible(riptide.store, threadId, tenantScope(request));
}

function startOptions(turn: TurnRequest, plan: Extract<ConversationTurnPlan, { kind: 'start' }>) {
  return {
    ...turn.options,
    task: plan.task,
    ...(plan.instructions ? { instructions: plan.instructions } : {}),
  };
}

/** Runs the turn to its end or to its next client tool calls. */
export async function runTurn(
  riptide: Riptide,
  request: FastifyRequest,
  turn: TurnRequest,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const { plan } = turn;
  if (plan.kind === 'resume') {
    await resumeTarget(riptide, request, plan.threadId);
    request.riptideThreadId = plan.threadId;
    return riptide.runs.resume(
      plan.threadId,
      { approved: true, answer: null, tool_results: plan.toolResults },
      { signal },
    );
  }
  // The OpenAI surface runs unattended (side effects auto-approved); only the caller's own
  // functions pause it, so the outcome is a result or a client-tool pause.
  const outcome: RunOutcome = await riptide.runs.runTask(startOptions(turn, plan), {
    history: plan.history,
    signal,
    threadId: turn.threadId,
  });
  request.riptideThreadId = outcome.thread_id;
  return outcome;
}

/** The turn's run events as they happen, ending with `pending` (client tool calls) or `result`. */
export async function streamTurn(
  riptide: Riptide,
  request: FastifyRequest,
  turn: TurnRequest,
): Promise<(signal: AbortSignal) => AsyncIterable<RunEvent>> {
  const { plan } = turn;
  if (plan.kind === 'resume') {
    await resumeTarget(riptide, request, plan.threadId);
    request.riptideThreadId = plan.threadId;
    const input = { approved: true, answer: null, tool_results: plan.toolResults };
    return (signal) => riptide.runs.streamResume(plan.threadId, input, { signal });
  }
  const options = startOptions(turn, plan);
  return (signal) => riptide.runs.streamRun(options, { history: plan.history, signal, threadId: turn.threadId });
}

/**
 * A run that failed (e.g. the provider errored) is an error on this surface, not an answer; so is a
 * run whose every subtask ended on a failed tool call — its "answer" would be the tool's error.
 */
export function failureOf(result: RunResult): RiptideError | null {
  if (result.status === 'completed' && !result.blocked && result.results.length > 0) {
    if (result.results.every((subtask) => subtask.failed)) {
      const call = result.results.flatMap((subtask) => subtask.tool_calls).find((record) => record.error);
      const what = call ? `${call.name} (${call.error})` : 'its tools';
      return new RiptideError('tool_failed', `the run could not answer: ${what} failed and nothing else answered it`);
    }
  }
  if (result.status !== 'failed' || !result.error) return null;
  const code = (result.error.code in ERROR_STATUS ? result.error.code : 'model_error') as ErrorCode;
  return new RiptideError(code, result.error.detail);
}

/** Spend so far of a paused run (its checkpointed tally), for the usage of a tool-call answer. */
export async function pausedUsage(riptide: Riptide, threadId: string) {
  const record = await riptide.store.getRun(threadId);
  const metrics = (
    record?.checkpoint as { state?: { metrics?: { prompt_tokens?: number; completion_tokens?: number } } }
  )?.state?.metrics;
  const prompt_tokens = metrics?.prompt_tokens ?? 0;
  const completion_tokens = metrics?.completion_tokens ?? 0;
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}
