import { describe, expect, it } from 'vitest';
import { type RiptideError, ValidationError } from '../errors/riptide-error.js';
import { ERROR_STATUS } from '../spec/error-codes.js';
import { findCycles } from './find-cycles.js';
import { findWorkflowProblems, validateWorkflow } from './validate-workflow.js';

// A role lookup is anything with has(name); a Set of the role names is the plainest one.
const roles = new Set(['researcher', 'analyst', 'writer']);

const node = (id: string, role = 'analyst') => ({ id, role, subtask: `do ${id}`, label: id.toUpperCase(), x: 0, y: 0 });
const edge = (source: string, target: string) => ({ source, target });

function problemsOf(spec: unknown): string[] {
  try {
    validateWorkflow(spec, roles);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as RiptideError).code).toBe('invalid_workflow');
    return (error as ValidationError).problems;
  }
  throw new Error('expected the spec to be invalid');
}

describe('validateWorkflow', () => {
  it('accepts a diamond and applies defaults', () => {
    const spec = validateWorkflow(
      {
        name: 'diamond',
        goal: 'write a report',
        nodes: [
          { id: 'a', role: 'researcher', subtask: 'find facts', label: 'Research' },
          node('b'),
          node('c'),
          node('d'),
        ],
        edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')],
      },
      roles,
    );
    expect(spec.mode).toBe('auto');
    expect(spec.nodes[0]).toMatchObject({ id: 'a', x: 0, y: 0 });
  });

  it('keeps canvas coordinates', () => {
    const spec = validateWorkflow(
      { name: 'w', goal: 'g', mode: 'swarm', nodes: [{ ...node('a'), x: 120.5, y: -40 }], edges: [] },
      roles,
    );
    expect(spec.nodes[0]).toMatchObject({ x: 120.5, y: -40 });
    expect(spec.mode).toBe('swarm');
  });

  it('reports an empty graph', () => {
    expect(problemsOf({ name: 'w', goal: 'g', nodes: [], edges: [] })).toEqual([
      'nodes: the workflow is empty (add at least one node)',
    ]);
  });

  it('reports duplicate ids', () => {
    const problems = problemsOf({ name: 'w', goal: 'g', nodes: [node('a'), node('b'), node('a')], edges: [] });
    expect(problems).toEqual(["nodes[2].id: duplicate id 'a' (also nodes[0])"]);
  });

  it('reports a self-edge', () => {
    expect(problemsOf({ name: 'w', goal: 'g', nodes: [node('a')], edges: [edge('a', 'a')] })).toEqual([
      "edges[0]: self-edge, node 'a' depends on itself",
    ]);
  });

  it('reports dangling edges at either end', () => {
    const problems = problemsOf({ name: 'w', goal: 'g', nodes: [node('a')], edges: [edge('a', 'x'), edge('y', 'a')] });
    expect(problems).toEqual([
      "edges[0].target: dangling edge, no node with id 'x'",
      "edges[1].source: dangling edge, no node with id 'y'",
    ]);
  });

  it('reports a cycle naming the nodes on it', () => {
    const problems = problemsOf({
      name: 'w',
      goal: 'g',
      nodes: [node('start'), node('a'), node('b'), node('c')],
      edges: [edge('start', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a')],
    });
    expect(problems).toEqual(['edges: cycle a → b → c → a']);
  });

  it('reports an unknown role, an empty subtask and an empty label', () => {
    const problems = problemsOf({
      name: 'w',
      goal: 'g',
      nodes: [{ id: 'a', role: 'wizard', subtask: '  ', label: '' }],
      edges: [],
    });
    expect(problems).toEqual([
      "nodes[0].role: unknown role 'wizard'",
      'nodes[0].subtask: must not be empty',
      'nodes[0].label: must not be empty',
    ]);
  });

  it('reports every problem of a broken spec at once', () => {
    const problems = problemsOf({
      name: '.hidden',
      goal: '',
      nodes: [node('a'), node('a'), { id: 'b', role: 'wizard', subtask: '', label: '' }, node('c'), node('d')],
      edges: [edge('a', 'a'), edge('a', 'ghost'), edge('c', 'd'), edge('d', 'c'), edge('b', 'c')],
    });
    expect(problems).toHaveLength(9);
    expect(problems.join('\n')).toMatch(/^name: .*'\.hidden'/m);
    expect(problems).toContain('goal: must not be empty');
    expect(problems).toContain("nodes[1].id: duplicate id 'a' (also nodes[0])");
    expect(problems).toContain("nodes[2].role: unknown role 'wizard'");
    expect(problems).toContain('nodes[2].subtask: must not be empty');
    expect(problems).toContain('nodes[2].label: must not be empty');
    expect(problems).toContain("edges[0]: self-edge, node 'a' depends on itself");
    expect(problems).toContain("edges[1].target: dangling edge, no node with id 'ghost'");
    expect(problems).toContain('edges: cycle c → d → c');
  });

  it('reports shape errors with their field paths', () => {
    const problems = problemsOf({ name: 'w', goal: 'g', mode: 'parallel', nodes: [{ id: 1 }], edges: 'none' });
    expect(problems.some((problem) => problem.startsWith('mode:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('nodes[0].id:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('nodes[0].role:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('edges:'))).toBe(true);
    expect(problemsOf(null)).toEqual([expect.stringMatching(/^spec: /)]);
  });

  it('reports shape errors together with the graph problems of the rest of the spec', () => {
    const problems = problemsOf({
      name: 'w',
      goal: 'g',
      nodes: [node('a'), { id: 'b', role: 7, subtask: 'do b', label: 'B' }, node('c', 'wizard'), node('c')],
      edges: [edge('a', 'ghost'), { source: 'a' }, edge('a', 'b'), edge('b', 'a')],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^nodes\[1\]\.role: /),
      expect.stringMatching(/^edges\[1\]\.target: /),
      "nodes[2].role: unknown role 'wizard'",
      "nodes[3].id: duplicate id 'c' (also nodes[2])",
      "edges[0].target: dangling edge, no node with id 'ghost'",
      'edges: cycle a → b → a',
    ]);
  });

  it('maps invalid_workflow to 422 and reports problems without throwing from findWorkflowProblems', () => {
    expect(ERROR_STATUS.invalid_workflow).toBe(422);
    const { spec, problems } = findWorkflowProblems({ name: 'w', goal: 'g', nodes: [node('a')] }, roles);
    expect(problems).toEqual([]);
    expect(spec?.edges).toEqual([]);
  });
});

describe('findCycles', () => {
  it('finds each loop group with a shortest walk and all its members', () => {
    const cycles = findCycles(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
        ['d', 'b'],
        ['e', 'f'],
      ],
    );
    expect(cycles).toEqual([{ path: ['a', 'b', 'c', 'a'], members: ['a', 'b', 'c', 'd'] }]);
  });

  it('finds nothing in a DAG and handles a long chain without recursion', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `n${index}`);
    const chain = ids.slice(1).map((id, index) => [ids[index], id] as const);
    expect(findCycles(ids, chain)).toEqual([]);
    expect(findCycles(ids, [...chain, [ids.at(-1)!, ids[0]]])[0].members).toHaveLength(5_000);
  });
});
