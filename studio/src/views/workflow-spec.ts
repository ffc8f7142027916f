// Converts between the API's workflow spec and the canvas's nodes and edges, and works out each
// node's status from the server's live `step` events.
import { type Edge, MarkerType, type Node } from '@xyflow/react';
import type { WorkflowSpec } from '../api/types';

export type StepStatus = 'idle' | 'waiting' | 'running' | 'done' | 'failed';

/** What the server reported for a node so far: its step started, completed or failed. */
export type StepProgress = 'running' | 'done' | 'failed';

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

/**
 * A node's status on the canvas: while the run goes on, what its step events said (not started yet is
 * waiting); afterwards only finished steps stay lit.
 */
export function stepStatus(progress: ReadonlyMap<string, StepProgress>, id: string, running: boolean): StepStatus {
  const reported = progress.get(id);
  if (running) return reported ?? 'waiting';
  return reported === 'done' || reported === 'failed' ? reported : 'idle';
}
