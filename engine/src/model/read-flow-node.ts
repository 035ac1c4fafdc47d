import type { ModdleElement } from 'bpmn-moddle';
import type { FlowNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { readBusinessRuleTask } from './read-business-rule-task.js';
import { readCallActivity } from './read-call-activity.js';
import { readCatchEvent, readEndEvent, readStartEvent } from './read-events.js';
import { readGateway } from './read-gateway.js';
import { readServiceTask } from './read-service-task.js';
import { readSubProcess } from './read-sub-process.js';
import { readUserTask } from './read-user-task.js';

type NodeReader = (element: ModdleElement, env: NodeEnv) => FlowNode;

/** One reader per BPMN element kind, registered by exact type. */
const READERS: Readonly<Record<string, NodeReader>> = {
  'bpmn:UserTask': readUserTask,
  'bpmn:Task': readUserTask,
  'bpmn:ManualTask': readUserTask,
  'bpmn:ServiceTask': readServiceTask,
  'bpmn:BusinessRuleTask': readBusinessRuleTask,
  'bpmn:StartEvent': readStartEvent,
  'bpmn:EndEvent': readEndEvent,
  'bpmn:IntermediateCatchEvent': readCatchEvent,
  'bpmn:ExclusiveGateway': readGateway,
  'bpmn:ParallelGateway': readGateway,
  'bpmn:InclusiveGateway': readGateway,
  'bpmn:EventBasedGateway': readGateway,
  'bpmn:SubProcess': readSubProcess,
  'bpmn:CallActivity': readCallActivity,
};

/** Undefined for a type `classifyElement` does not pass as a node. */
export function readFlowNode(element: ModdleElement, env: NodeEnv): FlowNode | undefined {
  return READERS[element.$type]?.(element, env);
}
