// Client-side tools in the run loop: which of the caller's functions a worker is offered (per
// tool_choice), the pause when the model calls them (every client call of the step at once, so
// parallel calls come back together), and turning the caller's results into observations.
import type { ModelToolDefinition } from '../models/model-gateway.js';
import { clientCallId } from '../spec/client-tools.js';
import type { RunOptions } from '../spec/run-options.js';
import type { ActiveSubtask } from './run-state.js';
import { recordToolCall } from './subtask-actions.js';
import type { SubtaskEnvironment } from './subtask-environment.js';
import { screenToolOutcome } from './tool-output-screening.js';

export function isClientTool(options: RunOptions, name: string): boolean {
  return options.client_tools?.some((tool) => tool.name === name) ?? false;
}

/** Whether a client tool must be called (tool_choice `required` or a name) before riptide's own tools count. */
function forcesClientTool(options: RunOptions): boolean {
  const choice = options.tool_choice ?? 'auto';
  return (options.client_tools?.length ?? 0) > 0 && (choice === 'required' || typeof choice === 'object');
}

/** The caller's functions to offer a worker step, as tool_choice allows. */
export function clientToolDefinitions(options: RunOptions): Record<string, ModelToolDefinition> {
  const choice = options.tool_choice ?? 'auto';
  const offered: Record<string, ModelToolDefinition> = {};
  if (choice === 'none') return offered;
  for (const tool of options.client_tools ?? []) {
    if (typeof choice === 'object' && tool.name !== choice.name) continue;
    offered[tool.name] = { description: tool.description, json_schema: tool.parameters };
  }
  return offered;
}

/**
 * While a client tool must still be called in this subtask, only the client's functions are
 * offered and the model is required to call one; once the caller answered, the model may reply.
 */
export function clientToolsForced(options: RunOptions, active: Pick<ActiveSubtask, 'clientRounds'>): boolean {
  return forcesClientTool(options) && (active.clientRounds ?? 0) === 0;
}

/** Moves every queued client call into the subtask's wait (the caller runs them, maybe in parallel). */
export function waitForClientTools(env: SubtaskEnvironment, active: ActiveSubtask): void {
  const { options, threadId } = env.runtime;
  const calls = active.queue.filter((call) => isClientTool(options, call.toolName));
  active.waitingFor = {
    type: 'client_tools',
    calls: calls.map((call) => ({ id: clientCallId(threadId, call.toolCallId), call })),
  };
}

/** The arguments as JSON text, the way OpenAI's wire format carries them. */
export function argumentsText(rawArguments: unknown): string {
  return typeof rawArguments === 'string' ? rawArguments : JSON.stringify(rawArguments ?? {});
}

/**
 * Records the caller's results for the calls the subtask waits on; a call left without a result is
 * an error observation (the model sees it was not answered), never a made-up output.
 */
export async function receiveClientResults(
  env: SubtaskEnvironment,
  active: ActiveSubtask,
  results: Record<string, string>,
): Promise<void> {
  const waiting = active.waitingFor;
  if (waiting?.type !== 'client_tools') return;
  for (const pending of waiting.calls) {
    const startedAt = performance.now();
    const given = results[pending.id];
    const outcome =
      given === undefined
        ? { ok: false as const, kind: 'tool_error' as const, error: 'the caller sent no result for this call' }
        : await screenToolOutcome(env.runtime, pending.call.toolName, { ok: true, output: given });
    recordToolCall(env, active, pending.call, pending.call.rawArguments, outcome, { valid: true, startedAt });
  }
  const answered = new Set(waiting.calls.map((pending) => pending.call.toolCallId));
  active.queue = active.queue.filter((call) => !answered.has(call.toolCallId));
  active.clientRounds = (active.clientRounds ?? 0) + 1;
  active.waitingFor = null;
}
