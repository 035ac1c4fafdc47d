import { problem } from '../problems/index.js';
import type { Problem, Severity } from '../problems/index.js';

/** Where: an element by id, when it has one (a hostile document may leave ids blank). */
const on = (id: string | undefined, elementType?: string): Pick<Problem, 'elementId' | 'elementType'> => ({
  ...(id ? { elementId: id } : {}),
  ...(elementType ? { elementType } : {}),
});

/** In a non-executable process these say "would not run"; in an executable one they block it. */
const blocks = (severity: Severity, zh: string, en: string): [string, string] =>
  severity === 'error' ? [`${zh}，流程无法运行`, `${en}: the process cannot run`] : [zh, en];

/**
 * Problems of the model reader: the XML was read, but what it says cannot be
 * run as written. `severity` is `error` inside an executable process and
 * `warning` elsewhere, decided by the caller.
 */
export const modelProblems = {
  noProcess: (): Problem =>
    problem('model/no-process', 'error', '文件中没有流程（bpmn:process）', 'The document holds no process (bpmn:process)'),

  missingId: (type: string, severity: Severity): Problem =>
    problem('model/missing-id', severity, ...blocks(severity, `${type} 元素缺少 id，已被忽略`, `A ${type} element has no id and is ignored`),
      { elementType: type }),

  unsupported: (id: string | undefined, type: string, zh: string, en: string, severity: Severity): Problem =>
    problem('model/unsupported-element', severity, ...blocks(severity, `暂不支持${zh}（${type}）`, `${en} (${type}) is not supported`),
      on(id, type)),

  danglingFlow: (id: string, end: 'source' | 'target', severity: Severity): Problem =>
    problem('model/dangling-flow', severity,
      ...blocks(severity, `顺序流缺少有效的${end === 'source' ? '起点' : '终点'}`, `The sequence flow has no valid ${end}`),
      on(id, 'bpmn:SequenceFlow')),

  flowCrossesScope: (id: string, severity: Severity): Problem =>
    problem('model/flow-crosses-scope', severity,
      ...blocks(severity, '顺序流跨越了子流程边界（起点和终点必须在同一流程或子流程内）',
        'The sequence flow crosses a sub-process boundary (source and target must be in the same process or sub-process)'),
      on(id, 'bpmn:SequenceFlow')),

  flowIntoBoundary: (id: string, severity: Severity): Problem =>
    problem('model/flow-into-boundary', severity, ...blocks(severity, '顺序流不能指向边界事件', 'A sequence flow cannot lead into a boundary event'),
      on(id, 'bpmn:SequenceFlow')),

  noStartEvent: (scopeId: string, scopeType: string, severity: Severity): Problem =>
    problem('model/no-start-event', severity, ...blocks(severity, '缺少开始事件', 'There is no start event'), on(scopeId, scopeType)),

  multipleStartEvents: (startId: string, severity: Severity): Problem =>
    problem('model/multiple-start-events', severity,
      ...blocks(severity, '同一流程或子流程中有多个无触发开始事件', 'More than one none start event in the same process or sub-process'),
      on(startId, 'bpmn:StartEvent')),

  gatewayNoOutgoing: (id: string, type: string, severity: Severity): Problem =>
    problem('model/gateway-no-outgoing', severity, ...blocks(severity, '网关没有流出的顺序流', 'The gateway has no outgoing sequence flow'),
      on(id, type)),

  noOutgoing: (id: string, type: string): Problem =>
    problem('model/no-outgoing', 'warning', '该节点没有流出的顺序流，到达此处的分支将在此结束',
      'The element has no outgoing sequence flow: a path reaching it ends there', on(id, type)),

  invalidDefaultFlow: (id: string, flowId: string, severity: Severity): Problem =>
    problem('model/invalid-default-flow', severity,
      ...blocks(severity, `默认顺序流 ${flowId} 不是从该网关流出的`, `The default flow ${flowId} does not leave this gateway`), on(id)),

  activityDefaultFlow: (id: string, type: string, severity: Severity): Problem =>
    problem('model/activity-default-flow', severity,
      ...blocks(severity, '暂不支持活动上的默认顺序流，请改用排他网关', 'Default flows on activities are not supported; use an exclusive gateway'),
      on(id, type)),

  noCalledElement: (id: string, severity: Severity): Problem =>
    problem('model/call-activity-no-called-element', severity,
      ...blocks(severity, '调用活动缺少被调用流程（calledElement）', 'The call activity has no called process (calledElement)'),
      on(id, 'bpmn:CallActivity')),

  invalidVersion: (id: string, version: string, severity: Severity): Problem =>
    problem('model/invalid-version', severity,
      ...blocks(severity, `tb:version 必须是 latest 或正整数，实际为“${version}”`, `tb:version must be "latest" or a positive integer, found "${version}"`),
      on(id, 'bpmn:CallActivity')),

  timerNoDefinition: (id: string, severity: Severity): Problem =>
    problem('model/timer-no-definition', severity,
      ...blocks(severity, '定时器缺少时间定义（timeDuration、timeDate 或 timeCycle）', 'The timer has no timeDuration, timeDate or timeCycle'),
      on(id, 'bpmn:TimerEventDefinition')),

  invalidCondition: (id: string, detailZh: string, detailEn: string, severity: Severity): Problem =>
    problem('model/invalid-condition', severity,
      ...blocks(severity, `条件表达式无效：${detailZh}`, `Invalid condition: ${detailEn}`), on(id, 'bpmn:SequenceFlow')),

  invalidProbability: (id: string): Problem =>
    problem('model/invalid-probability', 'warning', 'tb:probability 应为 0 到 1 之间的数，如 0.3；已忽略',
      'tb:probability must be a number from 0 to 1, e.g. 0.3; it is ignored', on(id, 'bpmn:SequenceFlow')),

  invalidExpression: (id: string, where: string, detailZh: string, detailEn: string, severity: Severity): Problem =>
    problem('model/invalid-expression', severity,
      ...blocks(severity, `${where} 的 FEEL 表达式无效：${detailZh}`, `Invalid FEEL expression in ${where}: ${detailEn}`), on(id)),

  feelNotChecked: (id: string): Problem =>
    problem('model/feel-not-checked', 'warning', '表达式过多，从此处起未检查 FEEL 语法（编译时仍会检查）',
      'Too many expressions: FEEL syntax is not checked from here on (compiling still checks it)', on(id)),

  multiInstanceNoCollection: (id: string, severity: Severity): Problem =>
    problem('model/multi-instance-no-collection', severity,
      ...blocks(severity, '多实例（会签）既没有签署人集合（tb:collection）也没有实例数（loopCardinality）',
        'The multi-instance has neither a signer collection (tb:collection) nor a loopCardinality'),
      on(id, 'bpmn:MultiInstanceLoopCharacteristics')),

  invalidCountersign: (id: string, zh: string, en: string, severity: Severity): Problem =>
    problem('model/invalid-countersign', severity, ...blocks(severity, `会签规则无效：${zh}`, `Invalid countersign rule: ${en}`),
      on(id, 'bpmn:UserTask')),

  countersignWithoutMultiInstance: (id: string): Problem =>
    problem('model/countersign-without-multi-instance', 'warning', '设置了 tb:countersign 或 tb:passRatio，但该任务不是多实例任务，规则不起作用',
      'tb:countersign or tb:passRatio is set but the task is not multi-instance: the rule has no effect', on(id, 'bpmn:UserTask')),

  messageNoRef: (id: string, severity: Severity): Problem =>
    problem('model/message-no-ref', severity, ...blocks(severity, '消息事件没有引用消息（messageRef）', 'The message event references no message (messageRef)'),
      on(id, 'bpmn:MessageEventDefinition')),

  boundaryNotAttached: (id: string, severity: Severity): Problem =>
    problem('model/boundary-not-attached', severity,
      ...blocks(severity, '边界事件没有附着在同一流程内的活动上', 'The boundary event is not attached to an activity of the same process'),
      on(id, 'bpmn:BoundaryEvent')),

  readFailed: (detail: string): Problem =>
    problem('model/read-failed', 'error', `读取流程模型时出错：${detail}`, `Reading the process model failed: ${detail}`),
};
