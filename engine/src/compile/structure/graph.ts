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

/**
 * The earliest node (in topological order) that every one of `starts`
 * reaches: the join of a fork. Walks forward from the starts in
 * topological order and stops there, so a fork costs the size of its block,
 * not of the rest of the process.
 */
export function firstCommonNode(
  starts: readonly string[],
  next: (id: string) => readonly string[],
  topo: ReadonlyMap<string, number>,
): string | undefined {
  if (starts.length === 0) return undefined;
  const reachedBy = new Map<string, Set<number>>();
  const frontier: string[] = [];
  starts.forEach((id, i) => {
    let set = reachedBy.get(id);
    if (!set) {
      reachedBy.set(id, (set = new Set()));
      frontier.push(id);
    }
    set.add(i);
  });
  const order = (id: string) => topo.get(id) ?? Number.MAX_SAFE_INTEGER;
  while (frontier.length > 0) {
    // Smallest topological index first: all of a node's predecessors in the block come before it.
    let best = 0;
    for (let i = 1; i < frontier.length; i++) if (order(frontier[i]!) < order(frontier[best]!)) best = i;
    const id = frontier.splice(best, 1)[0]!;
    const set = reachedBy.get(id)!;
    if (set.size === starts.length) return id;
    for (const target of next(id)) {
      let targetSet = reachedBy.get(target);
      if (!targetSet) {
        reachedBy.set(target, (targetSet = new Set()));
        frontier.push(target);
      }
      for (const i of set) targetSet.add(i);
    }
  }
  return undefined;
}

/** Nodes reachable from `start` whose topological index is at most `limit`. */
export function reachableUpTo(start: string, next: (id: string) => readonly string[], topo: ReadonlyMap<string, number>, limit: number): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const target of next(id)) {
      if (seen.has(target) || (topo.get(target) ?? Number.MAX_SAFE_INTEGER) > limit) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}
