// Cycle detection for workflow graphs: every group of mutually dependent nodes (a strongly connected
// component with more than one node), each with one concrete cycle through it so a person can see
// which edge to remove. Self-edges are reported separately by the validator.

export interface GraphCycle {
  /** One cycle walk, first node repeated at the end: ['a', 'b', 'c', 'a']. */
  path: string[];
  /** Every node in the mutually dependent group, in the order the nodes were given. */
  members: string[];
}

/** `nodes` in spec order; `edges` as [source, target] pairs between known, distinct nodes. */
export function findCycles(nodes: readonly string[], edges: readonly (readonly [string, string])[]): GraphCycle[] {
  const successors = new Map<string, string[]>(nodes.map((id) => [id, []]));
  for (const [source, target] of edges) {
    if (source !== target) successors.get(source)?.push(target);
  }
  const order = new Map(nodes.map((id, index) => [id, index]));
  return stronglyConnectedComponents(nodes, successors)
    .filter((component) => component.length > 1)
    .map((component) => {
      const members = [...component].sort((a, b) => order.get(a)! - order.get(b)!);
      return { path: shortestCycleThrough(members[0], new Set(members), successors), members };
    })
    .sort((a, b) => order.get(a.members[0])! - order.get(b.members[0])!);
}

// Tarjan's algorithm, iterative so a long chain cannot overflow the call stack.
function stronglyConnectedComponents(nodes: readonly string[], successors: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = successors.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

// Breadth-first inside the component, so the reported cycle is as short as possible.
function shortestCycleThrough(start: string, members: Set<string>, successors: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const target of successors.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let step = node; step !== start; step = previous.get(step)!) path.splice(1, 0, step);
        path.push(start);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
