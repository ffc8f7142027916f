// client_tools: the caller has answered the client tool calls the worker stopped on. The run loop
// pauses before this node, so it only runs with the results in hand (from the next request, in any
// process); it hands them to the subtask as observations and the worker goes on.
import { receiveClientResults } from '../client-tools.js';
import type { NodeContext } from '../node-context.js';
import { subtaskEnvironment } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';

export async function clientToolsNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const active = state.active;
  if (active?.waitingFor?.type !== 'client_tools') return {};
  const env = subtaskEnvironment(state, context, context.runtime.interactive ? 'ask' : 'auto');
  await receiveClientResults(env, active, context.resume?.tool_results ?? {});
  return { active };
}
