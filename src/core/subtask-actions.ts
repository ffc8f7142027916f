// What happens to one tool call of a subtask: its typed outcome becomes the record in the result,
// the observation the model sees next (an error as an error result) and a `tool_call` event; plus
// an approved side effect (run once), a denial, or a clarification answer.
import { TOOL_ERROR_PREFIX } from '../prompts/contract.js';
import type { ToolOutcome } from '../spec/tool-descriptor.js';
import type { ActiveSubtask, QueuedToolCall } from './run-state.js';
import { executeSideEffectOnce } from './side-effect-executor.js';
import type { SubtaskEnvironment } from './subtask-environment.js';
import { screenToolOutcome } from './tool-output-screening.js';

const MAX_OBSERVATION_CHARS = 4_000;
const MAX_RECORDED_OUTPUT_CHARS = 2_000;

/** Records a call's outcome on the subtask, shows it to the model, and reports it. */
export function recordToolCall(
  env: SubtaskEnvironment,
  active: ActiveSubtask,
  call: QueuedToolCall,
  args: unknown,
  outcome: ToolOutcome,
  options: { valid: boolean; startedAt: number },
): void {
  active.result.tool_calls.push({
    name: call.toolName,
    arguments: args,
    valid: options.valid,
    ...(outcome.ok ? { output: truncate(outcome.output) } : { error: outcome.kind }),
  });
  const observation = observe(active, call, outcome);
  env.emit({
    event: 'tool_call',
    node: env.caller.node,
    subtask_index: active.index,
    tool: call.toolName,
    arguments: args,
    status: outcome.ok ? 'ok' : 'error',
    error_kind: outcome.ok ? null : outcome.kind,
    output: truncate(observation),
    duration_ms: Math.round((performance.now() - options.startedAt) * 1000) / 1000,
  });
}

/**
 * Appends a tool result the model will see (an error as an error result, worded per the prompt
 * contract) and remembers it as the step's latest observation; returns the text shown.
 */
export function observe(active: ActiveSubtask, call: QueuedToolCall, outcome: ToolOutcome | string): string {
  const typed: ToolOutcome = typeof outcome === 'string' ? { ok: true, output: outcome } : outcome;
  const text = typed.ok ? typed.output : `${TOOL_ERROR_PREFIX} (${typed.kind}): ${typed.error}`;
  const value = text.length > MAX_OBSERVATION_CHARS ? `${text.slice(0, MAX_OBSERVATION_CHARS)}…` : text;
  active.lastObservations.push(value);
  if (!typed.ok) active.lastFailures = (active.lastFailures ?? 0) + 1;
  active.messages.push({
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: call.toolCallId,
        toolName: call.toolName,
        output: typed.ok ? { type: 'text', value } : { type: 'error-text', value },
      },
    ],
  });
  return value;
}

/** The idempotency key of a side-effecting call: thread + subtask + the model's call id. */
export function sideEffectKey(env: SubtaskEnvironment, active: ActiveSubtask, call: QueuedToolCall): string {
  return `${env.runtime.threadId}:${active.index}:${call.toolCallId}`;
}

/** Runs an approved side-effecting call once and records it on the subtask. */
export async function runApprovedSideEffect(
  env: SubtaskEnvironment,
  active: ActiveSubtask,
  call: QueuedToolCall,
  args: Record<string, unknown>,
): Promise<void> {
  const startedAt = performance.now();
  const { outcome } = await executeSideEffectOnce(env.runtime, {
    key: sideEffectKey(env, active, call),
    toolName: call.toolName,
    arguments: args,
  });
  recordToolCall(env, active, call, args, await screenToolOutcome(env.runtime, call.toolName, outcome), {
    valid: true,
    startedAt,
  });
}

/** Records a human's (or a policy's) denial: the tool is not run. */
export function denySideEffect(
  env: SubtaskEnvironment,
  active: ActiveSubtask,
  call: QueuedToolCall,
  args: unknown,
  why: string,
): void {
  active.result.denied = true;
  recordToolCall(
    env,
    active,
    call,
    args,
    { ok: false, kind: 'denied', error: why },
    {
      valid: true,
      startedAt: performance.now(),
    },
  );
}

/** Records a clarification answer for the subtask. */
export function answerClarification(
  env: SubtaskEnvironment,
  active: ActiveSubtask,
  call: QueuedToolCall,
  question: string,
  answer: string,
): void {
  env.clarifications[question] = answer;
  observe(active, call, answer);
}

/** Tool output as kept in the result (bounded: results are stored and returned). */
export function truncate(text: string): string {
  return text.length > MAX_RECORDED_OUTPUT_CHARS ? `${text.slice(0, MAX_RECORDED_OUTPUT_CHARS)}…` : text;
}
