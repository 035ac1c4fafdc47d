import type { EndEventNode, FlowNode, ProcessModel, StartEventNode } from '../../model/index.js';
import type { Problem } from '../../problems/index.js';
import { reengineerProblems } from './problems.js';
import type { ChainTask } from './types.js';

export interface SerialChain {
  readonly start?: StartEventNode;
  /** The tasks in as-is path order. */
  readonly tasks: readonly ChainTask[];
  readonly end?: EndEventNode;
  readonly problems: readonly Problem[];
}

const TASK_KINDS: ReadonlySet<FlowNode['kind']> = new Set(['userTask', 'serviceTask', 'businessRuleTask']);

/**
 * The as-is chain: one start event, then tasks one after the other joined by
 * unconditional flows, then a none (or terminate) end event. The first
 * element that breaks the chain is reported with its id, and so is every
 * element the walk from the start event does not reach.
 */
export function serialChain(model: ProcessModel): SerialChain {
  const { nodes, flows } = model.scope;
  const starts = [...nodes.values()].filter((node): node is StartEventNode => node.kind === 'startEvent');
  if (starts.length !== 1) {
    const problem = starts.length === 0
      ? reengineerProblems.notSerial(model.id, 'bpmn:Process', '没有开始事件', 'it has no start event')
      : reengineerProblems.notSerial(starts[1]!.id, 'bpmn:StartEvent', '有多个开始事件', 'it has more than one start event');
    return { tasks: [], problems: [problem] };
  }
  const start = starts[0]!;
  const tasks: ChainTask[] = [];
  const visited = new Set<string>([start.id]);
  let current: FlowNode = start;
  for (;;) {
    const broken = breakAt(current);
    if (broken) return { start, tasks, problems: [broken] };
    if (current.kind === 'endEvent') break;
    const flowId = current.outgoing[0]!;
    const flow = flows.get(flowId);
    const next = flow && nodes.get(flow.target);
    if (!flow || !next) {
      return { start, tasks, problems: [reengineerProblems.notSerial(flowId, 'bpmn:SequenceFlow', '顺序流没有有效的目标', 'the sequence flow has no valid target')] };
    }
    if (flow.condition !== undefined) {
      return { start, tasks, problems: [reengineerProblems.notSerial(flow.id, 'bpmn:SequenceFlow', '顺序流带有条件', 'the sequence flow has a condition')] };
    }
    if (visited.has(next.id)) {
      return { start, tasks, problems: [reengineerProblems.notSerial(next.id, undefined, '流程回到了之前的元素（循环）', 'the path returns to an earlier element (a loop)')] };
    }
    visited.add(next.id);
    if (next.kind !== 'endEvent') tasks.push(next as ChainTask);
    current = next;
  }
  const unreached = [...nodes.values()].filter((node) => !visited.has(node.id));
  const problems = unreached.map((node) =>
    reengineerProblems.notSerial(node.id, undefined, `${node.id} 不在从开始事件出发的路径上`, `${node.id} is not on the path from the start event`));
  return { start, tasks, end: current as EndEventNode, problems };
}

/** Why `node` cannot be a link of the chain, if it cannot. */
function breakAt(node: FlowNode): Problem | undefined {
  const fail = (zh: string, en: string) => reengineerProblems.notSerial(node.id, undefined, zh, en);
  if (node.kind === 'endEvent') {
    if (node.result !== 'none' && node.result !== 'terminate') return fail('结束事件不是普通结束或终止结束', 'the end event is neither a none nor a terminate end event');
    return node.incoming.length > 1 ? fail('结束事件有多条传入顺序流', 'the end event has more than one incoming flow') : undefined;
  }
  if (node.kind !== 'startEvent' && !TASK_KINDS.has(node.kind)) {
    return fail(`${node.id} 是 ${node.kind}，只能是任务`, `${node.id} is a ${node.kind}, where only tasks may be`);
  }
  if (node.boundaries.length > 0) {
    const boundary = node.boundaries[0]!;
    return reengineerProblems.notSerial(boundary.id, 'bpmn:BoundaryEvent', '任务带有边界事件', 'the task has a boundary event');
  }
  if (node.incoming.length > 1) return fail('有多条传入顺序流', 'it has more than one incoming flow');
  if (node.outgoing.length !== 1) {
    return node.outgoing.length === 0
      ? fail('没有传出顺序流，到不了结束事件', 'it has no outgoing flow, so the path never reaches an end event')
      : fail('有多条传出顺序流', 'it has more than one outgoing flow');
  }
  return undefined;
}
