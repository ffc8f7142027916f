// Converts between the API's workflow spec and the canvas's nodes and edges, and works out which
// nodes are running from the live trace (a node runs once everything it depends on is done).
import { type Edge, MarkerType, type Node } from '@xyflow/react';
import type { WorkflowSpec } from '../api/types';

export type StepStatus = 'idle' | 'waiting' | 'running' | 'done';

export interface StepData extends Record<string, unknown> {
  label: string;
  role: string;
  subtask: string;
  status: StepStatus;
}

export type StepNode = Node<StepData, 'step'>;

export function specToCanvas(spec: WorkflowSpec): { nodes: StepNode[]; edges: Edge[] } {
  return {
    nodes: spec.nodes.map((node, index) => ({
      id: node.id,
      type: 'step',
      position: { x: node.x ?? 40 + Math.floor(index / 4) * 260, y: node.y ?? 20 + (index % 4) * 140 },
      data: { label: node.label || node.id, role: node.role, subtask: node.subtask, status: 'idle' },
    })),
    edges: spec.edges.map((edge) => ({
      id: `${edge.source}->${edge.target}`,
      source: edge.source,
      target: edge.target,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    })),
  };
}

export function canvasToSpec(
  header: Pick<WorkflowSpec, 'name' | 'goal' | 'mode'>,
  nodes: StepNode[],
  edges: Edge[],
): WorkflowSpec {
  return {
    ...header,
    nodes: nodes.map((node) => ({
      id: node.id,
      role: node.data.role,
      subtask: node.data.subtask,
      label: node.data.label,
      x: Math.round(node.position.x),
      y: Math.round(node.position.y),
    })),
    edges: edges.map((edge) => ({ source: edge.source, target: edge.target })),
  };
}

/** The next free `nN` id, so ids stay short and stable after deletions. */
export function nextNodeId(nodes: StepNode[]): string {
  const used = nodes.map((node) => Number(/^n(\d+)$/.exec(node.id)?.[1] ?? 0));
  return `n${Math.max(0, ...used) + 1}`;
}

/** Status of each node given the ids reported done so far by the trace. */
export function stepStatuses(nodes: StepNode[], edges: Edge[], done: ReadonlySet<string>): Map<string, StepStatus> {
  const statuses = new Map<string, StepStatus>();
  for (const node of nodes) {
    if (done.has(node.id)) {
      statuses.set(node.id, 'done');
      continue;
    }
    const dependencies = edges.filter((edge) => edge.target === node.id).map((edge) => edge.source);
    statuses.set(node.id, dependencies.every((id) => done.has(id)) ? 'running' : 'waiting');
  }
  return statuses;
}

/**
 * The order the server runs the steps in: dependency layers, ties in canvas order (as the server's
 * static plan does). A `worker` trace event finishes the next step in this order.
 */
export function planOrder(nodes: StepNode[], edges: Edge[]): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  while (placed.size < nodes.length) {
    const ready = nodes.filter(
      (node) =>
        !placed.has(node.id) &&
        edges.filter((edge) => edge.target === node.id).every((edge) => placed.has(edge.source)),
    );
    if (ready.length === 0) break; // A cycle: the server rejects it, nothing to highlight.
    for (const node of ready) {
      placed.add(node.id);
      order.push(node.id);
    }
  }
  return order;
}

/** Which canvas node a trace event is about: the server may name the node id, its label, or send `node_id`. */
export function traceNodeId(event: Record<string, unknown>, nodes: StepNode[]): string | undefined {
  const candidates = [event.node_id, event.id, event.step, event.name, event.node].filter(
    (value): value is string => typeof value === 'string',
  );
  for (const candidate of candidates) {
    const match = nodes.find((node) => node.id === candidate || node.data.label === candidate);
    if (match) return match.id;
  }
  return undefined;
}
