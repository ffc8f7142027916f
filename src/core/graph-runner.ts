// Drives one invocation of a compiled agent graph: streams its values, forwards the nodes' custom
// events, and reports whether it completed, stopped at an interrupt (with the pending action), or failed.
import type { Command } from '@langchain/langgraph';
import type { RunEvent } from '../spec/run-events.js';
import type { PendingAction } from '../spec/run-result.js';
import type { CompiledAgentGraph } from './build-agent-graph.js';
import type { AgentStateUpdate, AgentStateValue } from './graph-state.js';
import { pendingActionOf } from './pending-action.js';
import type { RunRuntime } from './run-runtime.js';

export type GraphRunOutcome =
  | { kind: 'completed'; state: AgentStateValue }
  | { kind: 'interrupted'; state: AgentStateValue; action: PendingAction }
  | { kind: 'failed'; state: AgentStateValue | null; error: unknown };

export interface GraphRunOptions {
  threadId: string;
  runtime: RunRuntime;
  /** 'exit' writes one checkpoint when the run stops (enough to resume an interrupt). */
  durability: 'exit' | 'async' | 'sync';
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

const INTERRUPT_KEY = '__interrupt__';

// Deep enough for many approvals in one run (each is worker → human_approval → worker).
const RECURSION_LIMIT = 250;

export async function runAgentGraph(
  graph: CompiledAgentGraph,
  input: AgentStateUpdate | Command,
  options: GraphRunOptions,
): Promise<GraphRunOutcome> {
  let state: AgentStateValue | null = null;
  try {
    // Only 'values' (plus 'custom' when someone listens): every extra stream mode costs CPU per step.
    const stream = await graph.stream(
      input as never,
      {
        configurable: { thread_id: options.threadId },
        context: options.runtime,
        streamMode: options.onEvent ? ['values', 'custom'] : ['values'],
        durability: options.durability,
        recursionLimit: RECURSION_LIMIT,
        ...(options.signal ? { signal: options.signal } : {}),
      } as never,
    );
    for await (const chunk of stream as AsyncIterable<[string, unknown]>) {
      const [mode, payload] = chunk;
      if (mode !== 'values') options.onEvent?.(payload as RunEvent);
      // An interrupt arrives as a values chunk holding only `__interrupt__`; the state is the one before it.
      else if (!(INTERRUPT_KEY in (payload as object))) state = payload as AgentStateValue;
    }
  } catch (error) {
    return { kind: 'failed', state, error };
  }
  if (!state) return { kind: 'failed', state, error: new Error('the graph produced no state') };
  // A run stops for a human only in human_approval / human_clarify, whose question is in the state.
  const action = pendingActionOf(state);
  if (action) return { kind: 'interrupted', state, action };
  return { kind: 'completed', state };
}
