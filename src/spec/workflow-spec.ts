// The workflow spec: a goal plus a DAG of role-assigned steps (nodes) and dependencies (edges), with
// the Studio canvas coordinates kept so a saved workflow reopens where it was drawn.
import { z } from 'zod';

// Shapes only: value rules (non-empty, identifiers, graph rules) live in validate-workflow.ts so
// every problem of a spec is reported together instead of stopping at the first one.
export const workflowNodeSchema = z.object({
  id: z.string(),
  role: z.string(),
  subtask: z.string(),
  label: z.string(),
  x: z.number().default(0),
  y: z.number().default(0),
});
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;

export const workflowEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
});
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

export const WORKFLOW_MODES = ['auto', 'swarm', 'single'] as const;
export type WorkflowMode = (typeof WORKFLOW_MODES)[number];

export const workflowSpecSchema = z.object({
  name: z.string(),
  goal: z.string(),
  mode: z.enum(WORKFLOW_MODES).default('auto'),
  nodes: z.array(workflowNodeSchema),
  edges: z.array(workflowEdgeSchema).default([]),
});
export type WorkflowSpec = z.infer<typeof workflowSpecSchema>;
export type WorkflowSpecInput = z.input<typeof workflowSpecSchema>;
