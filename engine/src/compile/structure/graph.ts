import type { FlowNode, Scope } from '../../model/index.js';

/** Successors of a node: its sequence flows and its interrupting boundary events' flows. */
export function successors(scope: Scope, node: FlowNode): string[] {
  const out: string[] = [];
  for (const flowId of node.outgoing) {
    const flow = scope.flows.get(flowId);
    if (flow && scope.nodes.has(flow.target)) out.push(flow.target);
  }
  for (const boundary of node.boundaries) {
    if (!boundary.cancelActivity) continue;
    for (const flowId of boundary.outgoing) {
      const flow = scope.flows.get(flowId);
      if (flow && scope.nodes.has(flow.target)) out.push(flow.target);
    }
  }
  return out;
}

/**
 * Edges that close a loop (target on the depth-first stack): a flow back to
 * an earlier task. Iterative, so a long diagram cannot overflow the stack.
 */
export function findBackEdges(roots: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { id: string; succ: readonly string[]; i: number }[] = [{ id: root, succ: next(root), i: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.succ.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = top.succ[top.i++]!;
      const seen = state.get(target);
      if (seen === 'open') back.add(edgeKey(top.id, target));
      else if (seen === undefined) {
        state.set(target, 'open');
        stack.push({ id: target, succ: next(target), i: 0 });
      }
    }
  }
  return back;
}

export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** Nodes reachable from `start` along `next`, not entering `stop`. */
export function reachable(start: string, next: (id: string) => readonly string[], stop?: string): Set<string> {
  const seen = new Set<string>();
  if (start === stop) return seen;
  const queue = [start];
  seen.add(start);
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const target of next(id)) {
      if (target === stop || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/** Topological order (Kahn) of the nodes given, along forward edges. */
export function topologicalIndex(nodes: Iterable<string>, next: (id: string) => readonly string[]): Map<string, number> {
  const indegree = new Map<string, number>();
  for (const id of nodes) indegree.set(id, indegree.get(id) ?? 0);
  for (const id of indegree.keys()) for (const t of next(id)) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  const order = new Map<string, number>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.set(id, order.size);
    for (const t of next(id)) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  return order;
}
