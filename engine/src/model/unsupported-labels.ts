/** How an unsupported construct is named to the designer, in both languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

const NAMED: Readonly<Record<string, Label>> = {
  'bpmn:SendTask': { zh: '发送任务', en: 'Send task' },
  'bpmn:ReceiveTask': { zh: '接收任务', en: 'Receive task' },
  'bpmn:ScriptTask': { zh: '脚本任务', en: 'Script task' },
  'bpmn:ComplexGateway': { zh: '复杂网关', en: 'Complex gateway' },
  'bpmn:Transaction': { zh: '事务子流程', en: 'Transaction sub-process' },
  'bpmn:AdHocSubProcess': { zh: '自由子流程', en: 'Ad-hoc sub-process' },
  'bpmn:IntermediateThrowEvent': { zh: '中间抛出事件', en: 'Intermediate throw event' },
  'bpmn:StandardLoopCharacteristics': { zh: '循环活动', en: 'Loop activity' },
  'bpmn:MultiInstanceLoopCharacteristics': { zh: '用户任务以外的多实例', en: 'Multi-instance on anything but a user task' },
  'bpmn:MessageFlow': { zh: '池之间的消息流', en: 'Message flow between pools' },
  'bpmn:ChoreographyTask': { zh: '编排任务', en: 'Choreography task' },
  'bpmn:SubChoreography': { zh: '子编排', en: 'Sub-choreography' },
  'bpmn:CallChoreography': { zh: '调用编排', en: 'Call choreography' },
  'bpmn:Choreography': { zh: '编排图', en: 'Choreography' },
  'bpmn:GlobalConversation': { zh: '会话图', en: 'Conversation' },
  eventSubProcess: { zh: '事件子流程', en: 'Event sub-process' },
  subProcessStart: { zh: '子流程中带触发器的开始事件', en: 'Start event with a trigger inside a sub-process' },
  multipleTrigger: { zh: '多重触发事件', en: 'Event with several triggers' },
  compensation: { zh: '补偿处理活动', en: 'Compensation handler' },
  conversation: { zh: '会话', en: 'Conversation' },
};

const EVENTS: Readonly<Record<string, Label>> = {
  'bpmn:StartEvent': { zh: '开始事件', en: 'start event' },
  'bpmn:EndEvent': { zh: '结束事件', en: 'end event' },
  'bpmn:IntermediateCatchEvent': { zh: '中间捕获事件', en: 'intermediate catch event' },
  'bpmn:BoundaryEvent': { zh: '边界事件', en: 'boundary event' },
};

const TRIGGERS: Readonly<Record<string, Label>> = {
  none: { zh: '无触发', en: 'None' },
  'bpmn:MessageEventDefinition': { zh: '消息', en: 'Message' },
  'bpmn:TimerEventDefinition': { zh: '定时', en: 'Timer' },
  'bpmn:ErrorEventDefinition': { zh: '错误', en: 'Error' },
  'bpmn:SignalEventDefinition': { zh: '信号', en: 'Signal' },
  'bpmn:EscalationEventDefinition': { zh: '升级', en: 'Escalation' },
  'bpmn:CompensateEventDefinition': { zh: '补偿', en: 'Compensation' },
  'bpmn:ConditionalEventDefinition': { zh: '条件', en: 'Conditional' },
  'bpmn:LinkEventDefinition': { zh: '链接', en: 'Link' },
  'bpmn:CancelEventDefinition': { zh: '取消', en: 'Cancel' },
  'bpmn:TerminateEventDefinition': { zh: '终止', en: 'Terminate' },
};

/**
 * `key` is a type (`bpmn:SendTask`), a named construct (`eventSubProcess`),
 * or an event kind and its trigger (`bpmn:StartEvent#bpmn:TimerEventDefinition`).
 */
export function unsupportedLabel(key: string, elementType: string): Label {
  const named = NAMED[key];
  if (named) return named;
  const [event = '', trigger = ''] = key.split('#');
  const eventLabel = EVENTS[event];
  const triggerLabel = TRIGGERS[trigger];
  if (eventLabel && triggerLabel) return { zh: `${triggerLabel.zh}${eventLabel.zh}`, en: `${triggerLabel.en} ${eventLabel.en}` };
  return { zh: `元素 ${elementType}`, en: `Element ${elementType}` };
}
