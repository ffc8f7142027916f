// The agent graph for one feature set, as riptide's run loop walks it: which node starts a run and
// where each node leads. Every node exists only when its feature is on, so the plain graph is
// orchestrator → worker → finalize. The human nodes are where an interactive run pauses.
import { afterCritic } from './nodes/supervisor.js';
import { afterWorker } from './nodes/worker.js';
import type { RunState } from './run-state.js';

export const NODE_NAMES = [
  'guard_input',
  'recall',
  'orchestrator',
  'worker',
  'swarm_worker',
  'human_approval',
  'human_clarify',
  'client_tools',
  'critic',
  'supervisor',
  'finalize',
  'reflect',
  'guard_output',
] as const;
export type NodeName = (typeof NODE_NAMES)[number];

export interface GraphFeatures {
  guardrails: boolean;
  memory: boolean;
  critic: boolean;
  supervisor: boolean;
  /** Interactive runs stop for humans at side-effecting tools and clarifications. */
  interactive: boolean;
  supervisorMaxRounds: number;
}

export function isNodeName(value: unknown): value is NodeName {
  return typeof value === 'string' && (NODE_NAMES as readonly string[]).includes(value);
}

/** The nodes a run pauses before: they need a human's answer (or the caller's tool results) to run. */
export function isHumanNode(node: NodeName): boolean {
  return node === 'human_approval' || node === 'human_clarify' || node === 'client_tools';
}

export function firstNode(features: GraphFeatures): NodeName {
  if (features.guardrails) return 'guard_input';
  return features.memory ? 'recall' : 'orchestrator';
}

/** Where a run goes after `node`, given the state it left; null at the end of the graph. */
export function nextNode(node: NodeName, state: RunState, features: GraphFeatures): NodeName | null {
  const review: NodeName = features.critic ? 'critic' : 'finalize';
  switch (node) {
    case 'guard_input':
      if (state.blocked) return null;
      return features.memory ? 'recall' : 'orchestrator';
    case 'recall':
      return 'orchestrator';
    case 'orchestrator':
      return state.mode === 'swarm' ? 'swarm_worker' : 'worker';
    case 'worker': {
      // The caller's own functions pause any run, interactive or not: only the caller can run them.
      if (state.active?.waitingFor?.type === 'client_tools') return 'client_tools';
      if (!features.interactive) return review;
      const next = afterWorker(state);
      return next === 'done' ? review : next;
    }
    case 'human_approval':
    case 'human_clarify':
    case 'client_tools':
      return 'worker';
    case 'swarm_worker':
      return review;
    case 'critic':
      return afterCritic(state, features.supervisor, features.supervisorMaxRounds);
    case 'supervisor':
      return 'critic';
    case 'finalize':
      if (features.memory) return 'reflect';
      return features.guardrails ? 'guard_output' : null;
    case 'reflect':
      return features.guardrails ? 'guard_output' : null;
    case 'guard_output':
      return null;
  }
}
