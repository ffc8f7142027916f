// What happens to one tool call of a subtask besides running a read-only tool: the observation the
// model sees next, an approved side effect (run once), a denial, or a clarification answer.
import { QUARANTINED } from '../guardrails/quarantine-notice.js';
import { TOOL_ERROR_PREFIX } from '../prompts/contract.js';
import type { ActiveSubtask, QueuedToolCall } from './graph-state.js';
import { executeSideEffectOnce } from './side-effect-executor.js';
import type { SubtaskEnvironment } from './subtask-environment.js';
import { screenToolOutput } from './tool-output-screening.js';

const MAX_OBSERVATION_CHARS = 4_000;
const MAX_RECORDED_OUTPUT_CHARS = 2_000;

/** Appends a tool result the model will see and remembers it as the step's latest observation. */
export function observe(active: ActiveSubtask, call: QueuedToolCall, text: string): void {
  const value = text.length > MAX_OBSERVATION_CHARS ? `${text.slice(0, MAX_OBSERVATION_CHARS)}…` : text;
  active.lastObservations.push(value);
  active.messages.push({
    role: 'tool',
    content: [
      { type: 'tool-result', toolCallId: call.toolCallId, toolName: call.toolName, output: { type: 'text', value } },
    ],
  });
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
  const outcome = await executeSideEffectOnce(env.runtime, {
    key: sideEffectKey(env, active, call),
    toolName: call.toolName,
    arguments: args,
  });
  // A failed call's observation is our own error text; only a real output can carry an injection.
  const screened = outcome.ok
    ? await screenToolOutput(env.runtime, call.toolName, outcome.observation)
    : { observation: outcome.observation, quarantined: false };
  active.result.tool_calls.push({
    name: call.toolName,
    arguments: args,
    valid: true,
    ...(outcome.ok
      ? { output: truncate(screened.observation), ...(screened.quarantined ? { error: QUARANTINED } : {}) }
      : { error: 'tool_error' }),
  });
  observe(active, call, screened.observation);
}

/** Records a human's (or a policy's) denial: the tool is not run. */
export function denySideEffect(active: ActiveSubtask, call: QueuedToolCall, args: unknown, why: string): void {
  active.result.denied = true;
  active.result.tool_calls.push({ name: call.toolName, arguments: args, valid: true, error: 'denied' });
  observe(active, call, `${TOOL_ERROR_PREFIX} (denied): ${why}`);
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
