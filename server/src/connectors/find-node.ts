import type { FlowNode, Scope } from '@tongban/engine';

/** A flow node by id anywhere in a process, sub-processes included. */
export function findNode(scope: Scope, id: string): FlowNode | undefined {
  const direct = scope.nodes.get(id);
  if (direct) return direct;
  for (const node of scope.nodes.values()) {
    if (node.kind !== 'subProcess') continue;
    const inner = findNode(node.scope, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The none start event of the process: where the front desk's start form and its prefill are declared. */
export function startEventOf(scope: Scope): Extract<FlowNode, { kind: 'startEvent' }> | undefined {
  for (const node of scope.nodes.values()) if (node.kind === 'startEvent' && node.trigger === 'none') return node;
  return undefined;
}
