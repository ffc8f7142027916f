// Workflow validation that reports every problem of a spec at once (shape, names, empty graph,
// duplicate ids, self-edges, dangling edges, cycles, unknown roles, empty subtasks and labels), so a
// person fixing a drawing in the Studio sees the whole list instead of one error per save.
import type { z } from 'zod';
import { ValidationError } from '../errors/riptide-error.js';
import type { RoleCatalog } from '../roles/role.js';
import { isIdentifier } from '../spec/identifier.js';
import { type WorkflowSpec, workflowSpecSchema } from '../spec/workflow-spec.js';
import { findCycles } from './find-cycles.js';

/** Bounds that keep one workflow run (and its canvas) reasonable. */
export const MAX_WORKFLOW_NODES = 200;
export const MAX_GOAL_CHARS = 100_000;

/** Problems of a spec, each naming its field path; an empty list means the spec is valid. */
export function findWorkflowProblems(
  input: unknown,
  roles: Pick<RoleCatalog, 'has'>,
): { spec: WorkflowSpec | null; problems: string[] } {
  const parsed = workflowSpecSchema.safeParse(input);
  // A spec with shape errors is still checked for everything else (as far as its fields are
  // strings), so one pass lists every problem instead of stopping at the shape.
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  const spec = parsed.success ? parsed.data : looseSpec(input);
  // Fields whose shape is already reported get no second, derived problem.
  const broken = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.')));
  if (broken.has('')) return { spec: null, problems };

  if (!isIdentifier(spec.name)) {
    problems.push(`name: must be 1–128 characters of A-Za-z0-9._- and not start with "." (got '${spec.name}')`);
  }
  if (spec.goal.trim() === '') problems.push('goal: must not be empty');
  if (spec.goal.length > MAX_GOAL_CHARS) problems.push(`goal: must be at most ${MAX_GOAL_CHARS} characters`);
  if (spec.nodes.length === 0 && !broken.has('nodes'))
    problems.push('nodes: the workflow is empty (add at least one node)');
  if (spec.nodes.length > MAX_WORKFLOW_NODES) {
    problems.push(`nodes: at most ${MAX_WORKFLOW_NODES} nodes (got ${spec.nodes.length})`);
  }

  const firstIndex = new Map<string, number>();
  spec.nodes.forEach((node, index) => {
    const at = `nodes[${index}]`;
    if (node.id.trim() === '') problems.push(`${at}.id: must not be empty`);
    else if (firstIndex.has(node.id)) {
      problems.push(`${at}.id: duplicate id '${node.id}' (also nodes[${firstIndex.get(node.id)}])`);
    } else firstIndex.set(node.id, index);
    if (broken.has(`nodes.${index}.role`)) {
      // reported by its shape issue
    } else if (node.role.trim() === '') problems.push(`${at}.role: must not be empty`);
    else if (!roles.has(node.role)) problems.push(`${at}.role: unknown role '${node.role}'`);
    if (node.subtask.trim() === '') problems.push(`${at}.subtask: must not be empty`);
    if (node.label.trim() === '') problems.push(`${at}.label: must not be empty`);
  });

  const graphEdges: [string, string][] = [];
  spec.edges.forEach((edge, index) => {
    const at = `edges[${index}]`;
    let dangling = false;
    let brokenEnd = false;
    for (const end of ['source', 'target'] as const) {
      if (broken.has(`edges.${index}.${end}`)) brokenEnd = true;
      else if (!firstIndex.has(edge[end])) {
        problems.push(`${at}.${end}: dangling edge, no node with id '${edge[end]}'`);
        dangling = true;
      }
    }
    if (brokenEnd) return;
    if (edge.source === edge.target) problems.push(`${at}: self-edge, node '${edge.source}' depends on itself`);
    else if (!dangling) graphEdges.push([edge.source, edge.target]);
  });

  for (const cycle of findCycles([...firstIndex.keys()], graphEdges)) {
    const extra =
      cycle.members.length > cycle.path.length - 1 ? ` (nodes in the loop: ${cycle.members.join(', ')})` : '';
    problems.push(`edges: cycle ${cycle.path.join(' → ')}${extra}`);
  }
  return { spec: parsed.success ? spec : null, problems };
}

/** A spec that failed its shape check, as far as it can be read: its string fields, placeholders (that break no rule) for the rest. */
function looseSpec(input: unknown): WorkflowSpec {
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(record) : []);
  const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
  const spec = record(input);
  return {
    name: text(spec.name, 'unnamed'),
    goal: text(spec.goal, 'unset'),
    mode: 'auto',
    nodes: list(spec.nodes).map((node, index) => ({
      id: text(node.id, `#${index}`),
      role: text(node.role, ''),
      subtask: text(node.subtask, 'unset'),
      label: text(node.label, 'unset'),
      x: 0,
      y: 0,
    })),
    edges: list(spec.edges).map((edge) => ({ source: text(edge.source, ''), target: text(edge.target, '') })),
  };
}

/** The parsed spec (defaults applied), or a ValidationError ('invalid_workflow' → 422) listing every problem. */
export function validateWorkflow(input: unknown, roles: Pick<RoleCatalog, 'has'>): WorkflowSpec {
  const { spec, problems } = findWorkflowProblems(input, roles);
  if (problems.length > 0 || !spec) throw new ValidationError(problems, 'invalid_workflow');
  return spec;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return `${path.replace(/^\./, '') || 'spec'}: ${issue.message}`;
}
