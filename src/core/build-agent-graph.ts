// Composes the agent graph for one feature set: every node is added only when its feature is on,
// so the plain graph is orchestrator → worker → finalize. Compiled once per feature set by the run
// service and reused by every run.
import { type BaseCheckpointSaver, END, START, StateGraph } from '@langchain/langgraph';
import { AgentState, type AgentStateUpdate, type AgentStateValue } from './graph-state.js';
import { emit, type NodeConfig } from './node-context.js';
import { criticNode } from './nodes/critic.js';
import { finalizeNode } from './nodes/finalize.js';
import { guardInputNode } from './nodes/guard-input.js';
import { guardOutputNode } from './nodes/guard-output.js';
import { humanApprovalNode } from './nodes/human-approval.js';
import { humanClarifyNode } from './nodes/human-clarify.js';
import { orchestratorNode } from './nodes/orchestrator.js';
import { recallNode } from './nodes/recall.js';
import { reflectNode } from './nodes/reflect.js';
import { afterCritic, supervisorNode } from './nodes/supervisor.js';
import { swarmWorkerNode } from './nodes/swarm-worker.js';
import { afterWorker, workerNode } from './nodes/worker.js';

export interface GraphFeatures {
  guardrails: boolean;
  memory: boolean;
  critic: boolean;
  supervisor: boolean;
  /** Interactive runs stop for humans (human nodes) and need checkpoints to resume. */
  interactive: boolean;
  supervisorMaxRounds: number;
}

export function graphFeatureKey(features: GraphFeatures): string {
  return [
    features.guardrails ? 'g' : '-',
    features.memory ? 'm' : '-',
    features.critic ? 'c' : '-',
    features.supervisor ? `s${features.supervisorMaxRounds}` : '-',
    features.interactive ? 'i' : '-',
  ].join('');
}

type NodeFunction = (state: AgentStateValue, config: NodeConfig) => Promise<AgentStateUpdate>;

/** Times a node and reports it both in the state's trace and on the stream. */
function timed(name: string, node: NodeFunction): NodeFunction {
  return async (state, config) => {
    const started = performance.now();
    const update = await node(state, config);
    const duration_ms = Math.round((performance.now() - started) * 1000) / 1000;
    emit(config, { event: 'node', name, duration_ms });
    return { ...update, trace: [{ node: name, duration_ms }] };
  };
}

export function buildAgentGraph(features: GraphFeatures, checkpointer?: BaseCheckpointSaver) {
  // Nodes are added conditionally, which LangGraph's node-name generics cannot follow; the graph is
  // typed loosely here and the routing below names only nodes that were added.
  const graph = new StateGraph(AgentState) as unknown as LooseGraph;
  const add = (name: string, node: NodeFunction) => graph.addNode(name, timed(name, node));

  if (features.guardrails) add('guard_input', guardInputNode);
  if (features.memory) add('recall', recallNode);
  add('orchestrator', orchestratorNode);
  add('worker', workerNode);
  add('swarm_worker', swarmWorkerNode);
  if (features.interactive) {
    add('human_approval', humanApprovalNode);
    add('human_clarify', humanClarifyNode);
  }
  if (features.critic) add('critic', criticNode);
  if (features.critic && features.supervisor) add('supervisor', supervisorNode);
  add('finalize', finalizeNode);
  if (features.memory) add('reflect', reflectNode);
  if (features.guardrails) add('guard_output', guardOutputNode);

  const planning = features.memory ? 'recall' : 'orchestrator';
  if (features.guardrails) {
    graph.addEdge(START, 'guard_input');
    graph.addConditionalEdges('guard_input', (state: AgentStateValue) => (state.blocked ? END : planning), [
      END,
      planning,
    ]);
  } else {
    graph.addEdge(START, planning);
  }
  if (features.memory) graph.addEdge('recall', 'orchestrator');
  graph.addConditionalEdges(
    'orchestrator',
    (state: AgentStateValue) => (state.mode === 'swarm' ? 'swarm_worker' : 'worker'),
    ['worker', 'swarm_worker'],
  );

  const review = features.critic ? 'critic' : 'finalize';
  if (features.interactive) {
    graph.addConditionalEdges(
      'worker',
      (state: AgentStateValue) => {
        const next = afterWorker(state);
        return next === 'done' ? review : next;
      },
      ['human_approval', 'human_clarify', review],
    );
    graph.addEdge('human_approval', 'worker');
    graph.addEdge('human_clarify', 'worker');
  } else {
    graph.addEdge('worker', review);
  }
  graph.addEdge('swarm_worker', review);
  if (features.critic) {
    if (features.supervisor) {
      graph.addConditionalEdges(
        'critic',
        (state: AgentStateValue) => afterCritic(state, true, features.supervisorMaxRounds),
        ['supervisor', 'finalize'],
      );
      graph.addEdge('supervisor', 'critic');
    } else {
      graph.addEdge('critic', 'finalize');
    }
  }
  const afterFinalize = features.memory ? 'reflect' : features.guardrails ? 'guard_output' : END;
  graph.addEdge('finalize', afterFinalize);
  if (features.memory) graph.addEdge('reflect', features.guardrails ? 'guard_output' : END);
  if (features.guardrails) graph.addEdge('guard_output', END);

  return graph.compile(checkpointer ? { checkpointer } : {}) as unknown as CompiledAgentGraph;
}

interface LooseGraph {
  addNode(name: string, node: NodeFunction): LooseGraph;
  addEdge(from: string, to: string): LooseGraph;
  addConditionalEdges(from: string, route: (state: AgentStateValue) => string, targets: string[]): LooseGraph;
  compile(options: { checkpointer?: BaseCheckpointSaver }): unknown;
}

/** The compiled graph as the run service uses it. */
export type CompiledAgentGraph = ReturnType<StateGraph<typeof AgentState.spec>['compile']>;
