import type { FlowNode, ProcessModel, UserTaskNode } from '@tongban/engine';
import type { SimpleFlow, SimpleItem } from './types';

export type FlowReading = { readonly flow: SimpleFlow } | { readonly elementId: string; readonly reason: 'shape' };

/**
 * Reads a process as simple-mode stages: start → (a user task, or a
 * parallel fork of user tasks each going straight to one join)* → end.
 * Anything else (conditions, loops, other elements) cannot be shown as
 * cards, and the element where the reading stopped is returned, so the
 * designer knows why the full modeler is needed.
 */
export function flowFromModel(model: ProcessModel): FlowReading {
  const { nodes, flows } = model.scope;
  const next = (node: FlowNode): FlowNode | undefined => {
    if (node.outgoing.length !== 1) return undefined;
    const flow = flows.get(node.outgoing[0]!);
    return flow ? nodes.get(flow.target) : undefined;
  };
  const starts = [...nodes.values()].filter((n) => n.kind === 'startEvent');
  const start = starts[0];
  if (!start || starts.length !== 1) return { elementId: model.id, reason: 'shape' };
  const flow: SimpleFlow = { processId: model.id, name: model.name ?? '', stages: [] };
  if (start.outgoing.length === 0 && nodes.size === 1) return { flow };
  let current: FlowNode | undefined = next(start);
  while (current && current.kind !== 'endEvent') {
    if (isCard(current) && current.incoming.length === 1) {
      flow.stages.push({ items: [item(current)] });
      current = next(current);
      continue;
    }
    if (current.kind === 'parallelGateway' && current.outgoing.length > 1) {
      const branches = current.outgoing.map((id) => nodes.get(flows.get(id)?.target ?? ''));
      const join = branches[0] ? next(branches[0]) : undefined;
      const fits = join?.kind === 'parallelGateway' && join.incoming.length === branches.length
        && branches.every((b) => b !== undefined && isCard(b) && b.incoming.length === 1 && next(b) === join);
      if (!fits) return { elementId: current.id, reason: 'shape' };
      flow.stages.push({ items: branches.map((b) => item(b as UserTaskNode)) });
      current = next(join);
      continue;
    }
    return { elementId: current.id, reason: 'shape' };
  }
  if (!current || current.outgoing.length > 0 || nodes.size !== countNodes(flow) + 2) return { elementId: current?.id ?? model.id, reason: 'shape' };
  return { flow };
}

function isCard(node: FlowNode): node is UserTaskNode {
  return node.kind === 'userTask' && !node.plain && node.multiInstance === undefined && node.boundaries.length === 0;
}

function item(task: UserTaskNode): SimpleItem {
  return {
    id: task.id, name: task.name ?? '', department: task.department ?? '', itemCode: task.itemCode ?? '',
    legalTimeLimit: task.legalTimeLimit, timeLimit: task.timeLimit,
  };
}

/** Start and end aside: the tasks, and a fork and a join per parallel stage. */
function countNodes(flow: SimpleFlow): number {
  return flow.stages.reduce((sum, stage) => sum + stage.items.length + (stage.items.length > 1 ? 2 : 0), 0);
}
