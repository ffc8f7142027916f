// riptide's run loop: walks the agent graph node by node over a plain run state. Each node's update
// is applied and timed (the trace, a `node` event); the loop stops at the end of the graph, or
// before a human node when no answer is at hand — a pause the run service persists and a resume
// continues, in this process or any other sharing the store. No tracing objects, no stream
// machinery, no checkpoint per step unless the caller asks for one.
import { RiptideError } from '../errors/riptide-error.js';
import type { PendingAction } from '../spec/run-result.js';
import type { NodeContext } from './node-context.js';
import { clientToolsNode } from './nodes/client-tools.js';
import { criticNode } from './nodes/critic.js';
import { finalizeNode } from './nodes/finalize.js';
import { guardInputNode } from './nodes/guard-input.js';
import { guardOutputNode } from './nodes/guard-output.js';
import { humanApprovalNode } from './nodes/human-approval.js';
import { humanClarifyNode } from './nodes/human-clarify.js';
import { orchestratorNode } from './nodes/orchestrator.js';
import { recallNode } from './nodes/recall.js';
import { reflectNode } from './nodes/reflect.js';
import { supervisorNode } from './nodes/supervisor.js';
import { swarmWorkerNode } from './nodes/swarm-worker.js';
import { workerNode } from './nodes/worker.js';
import { pendingActionOf } from './pending-action.js';
import { type GraphFeatures, isHumanNode, type NodeName, nextNode } from './run-graph.js';
import type { RunState, RunStateUpdate } from './run-state.js';

export type NodeFunction = (state: RunState, context: NodeContext) => Promise<RunStateUpdate>;

const NODES: Record<NodeName, NodeFunction> = {
  guard_input: guardInputNode,
  recall: recallNode,
  orchestrator: orchestratorNode,
  worker: workerNode,
  swarm_worker: swarmWorkerNode,
  human_approval: humanApprovalNode,
  human_clarify: humanClarifyNode,
  client_tools: clientToolsNode,
  critic: criticNode,
  supervisor: supervisorNode,
  finalize: finalizeNode,
  reflect: reflectNode,
  guard_output: guardOutputNode,
};

// Deep enough for many approvals in one run (each is worker → human_approval → worker).
const MAX_STEPS = 500;

export type LoopOutcome = { kind: 'completed' } | { kind: 'paused'; next: NodeName; action: PendingAction };

export interface RunLoopOptions {
  features: GraphFeatures;
  /** The node to run first: the graph's start, or where a paused or interrupted run continues. */
  start: NodeName;
  /** The run state, updated in place. */
  state: RunState;
  /** The context every node gets; its `resume` goes to the first node only. */
  context: NodeContext;
  /** Called between nodes with the one that runs next and the one that just ran (where a durable run checkpoints). */
  beforeNode?: (next: NodeName, previous: NodeName) => Promise<void>;
}

export async function runLoop(options: RunLoopOptions): Promise<LoopOutcome> {
  const { features, state, context } = options;
  let node = options.start;
  let nodeContext = context;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (isHumanNode(node) && !nodeContext.resume) {
      const action = pendingActionOf(state);
      if (!action) throw new RiptideError('internal_error', `the run reached ${node} with nothing to ask`);
      return { kind: 'paused', next: node, action };
    }
    context.caller.node = node;
    const started = performance.now();
    const update = await NODES[node](state, nodeContext);
    Object.assign(state, update);
    const duration_ms = Math.round((performance.now() - started) * 1000) / 1000;
    state.trace.push({ node, duration_ms });
    context.emit({ event: 'node', name: node, duration_ms });
    const next = nextNode(node, state, features);
    if (next === null) return { kind: 'completed' };
    await options.beforeNode?.(next, node);
    node = next;
    // Only the node the run paused before receives the human's answer.
    if (nodeContext.resume) nodeContext = { ...context, resume: null };
  }
  throw new RiptideError('internal_error', `the run took more than ${MAX_STEPS} steps`);
}
