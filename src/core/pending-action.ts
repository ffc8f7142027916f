// The question a run stopped on (tool approval or clarification), read from the graph state: the
// human nodes ask it and the run service reports it, so both derive it the same way.

import type { PendingAction } from '../spec/run-result.js';
import { argumentsText } from './client-tools.js';
import type { RunState } from './run-state.js';

/** The question a stopped run waits on, rebuilt from the state exactly as the human nodes ask it. */
export function pendingActionOf(state: RunState): PendingAction | null {
  const active = state.active;
  const waiting = active?.waitingFor;
  if (!active || !waiting) return null;
  if (waiting.type === 'client_tools') {
    return {
      type: 'client_tool_calls',
      tool_calls: waiting.calls.map(({ id, call }) => ({
        id,
        name: call.toolName,
        arguments: argumentsText(call.rawArguments),
      })),
      subtask: active.result.subtask,
    };
  }
  if (waiting.type === 'tool_approval') {
    return {
      type: 'tool_approval',
      tool: waiting.call.toolName,
      arguments: waiting.call.rawArguments,
      subtask: active.result.subtask,
    };
  }
  return { type: 'clarification', question: waiting.question, subtask: active.result.subtask };
}
