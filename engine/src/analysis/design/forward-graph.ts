import type { FlowNode, Scope } from '../../model/index.js';

export interface Edge {
  readonly flowId: string;
  readonly target: string;
}

/** A scope's flows without the flows back (loops), nodes in topological order. */
export interface ForwardGraph {
  /** Nodes reachable from the roots, each after all its predecessors. */
  readonly order: readonly string[];
  readonly next: ReadonlyMap<string, readonly Edge[]>;
  readonly previous: ReadonlyMap<string, readonly string[]>;
  /** Flows that close a loop (target still on the depth-first stack). */
  readonly backFlows: readonly string[];
}

/** Sequence flows of a node and of its interrupting boundary events (an alternative way out). */
function edgesOf(scope: Scope, node: FlowNode): Edge[] {
  const edges: Edge[] = [];
  const add = (flowId: string) => {
    const flow = scope.flows.get(flowId);
    if (flow && scope.nodes.has(flow.target)) edges.push({ flowId, target: flow.target });
  };
  node.outgoing.forEach(add);
  for (const boundary of node.boundaries) if (boundary.cancelActivity) boundary.outgoing.forEach(add);
  return edges;
}

/**
 * One iterative depth-first walk from the roots: a flow to a node still on
 * the stack is a loop back (补正) and is dropped, so each loop counts once;
 * the reverse post-order of the rest is a topological order.
 */
export function forwardGraph(scope: Scope, roots: readonly string[]): ForwardGraph {
  const all = new Map<string, Edge[]>();
  for (const node of scope.nodes.values()) all.set(node.id, edgesOf(scope, node));
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const postOrder: string[] = [];
  for (const root of roots) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = all.get(top.id) ?? [];
      if (top.i >= edges.length) {
        state.set(top.id, 'done');
        postOrder.push(top.id);
        stack.pop();
        continue;
      }
      const edge = edges[top.i++]!;
      const seen = state.get(edge.target);
      if (seen === 'open') back.add(edge.flowId);
      else if (seen === undefined) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, i: 0 });
      }
    }
  }
  const next = new Map<string, readonly Edge[]>();
  const previous = new Map<string, string[]>();
  // Predecessors in document order, so ties on the critical path go to the element drawn first.
  for (const [id, edges] of all) {
    if (!state.has(id)) continue;
    const forward = edges.filter((e) => !back.has(e.flowId));
    next.set(id, forward);
    for (const e of forward) {
      const list = previous.get(e.target);
      if (list) list.push(id);
      else previous.set(e.target, [id]);
    }
  }
  return { order: postOrder.reverse(), next, previous, backFlows: [...back] };
}
