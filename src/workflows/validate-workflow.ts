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
  if (!parsed.success) return { spec: null, problems: parsed.error.issues.map(describeIssue) };
  const spec = parsed.data;
  const problems: string[] = [];

  if (!isIdentifier(spec.name)) {
    problems.push(`name: must be 1–128 characters of A-Za-z0-9._- and not start with "." (got '${spec.name}')`);
  }
  if (spec.goal.trim() === '') problems.push('goal: must not be empty');
  if (spec.goal.length > MAX_GOAL_CHARS) problems.push(`goal: must be at most ${MAX_GOAL_CHARS} characters`);
  if (spec.nodes.length === 0) problems.push('nodes: the workflow is empty (add at least one node)');
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
    if (node.role.trim() === '') problems.push(`${at}.role: must not be empty`);
    else if (!roles.has(node.role)) problems.push(`${at}.role: unknown role '${node.role}'`);
    if (node.subtask.trim() === '') problems.push(`${at}.subtask: must not be empty`);
    if (node.label.trim() === '') problems.push(`${at}.label: must not be empty`);
  });

  const graphEdges: [string, string][] = [];
  spec.edges.forEach((edge, index) => {
    const at = `edges[${index}]`;
    let dangling = false;
    for (const end of ['source', 'target'] as const) {
      if (!firstIndex.has(edge[end])) {
        problems.push(`${at}.${end}: dangling edge, no node with id '${edge[end]}'`);
        dangling = true;
      }
    }
    if (edge.source === edge.target) problems.push(`${at}: self-edge, node '${edge.source}' depends on itself`);
    else if (!dangling) graphEdges.push([edge.source, edge.target]);
  });

  for (const cycle of findCycles([...firstIndex.keys()], graphEdges)) {
    const extra =
      cycle.members.length > cycle.path.length - 1 ? ` (nodes in the loop: ${cycle.members.join(', ')})` : '';
    problems.push(`edges: cycle ${cycle.path.join(' → ')}${extra}`);
  }
  return { spec, problems };
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
