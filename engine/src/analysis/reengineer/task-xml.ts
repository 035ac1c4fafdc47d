import type { MultiInstance, UserTaskNode } from '../../model/index.js';
import { attributes, xmlText } from './xml-text.js';
import type { ChainTask } from './types.js';

/** Flows into and out of a task in the to-be diagram. */
export interface Links {
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
}

/**
 * A task of the as-is model written back as BPMN with every `tb:` attribute
 * and extension element the model holds, so the to-be task is the same
 * service item. A department inherited from a lane is written on the task,
 * since the to-be diagram has no lanes.
 */
export function taskXml(task: ChainTask, links: Links, indent: string): string {
  const inner = `${indent}  `;
  const body = [
    ...extensionElements(task, inner),
    ...links.incoming.map((id) => `${inner}<bpmn:incoming>${id}</bpmn:incoming>`),
    ...links.outgoing.map((id) => `${inner}<bpmn:outgoing>${id}</bpmn:outgoing>`),
    ...(task.kind === 'userTask' && task.multiInstance ? multiInstanceXml(task.multiInstance, inner) : []),
  ];
  const tag = bpmnTag(task);
  return [`${indent}<${tag}${attributes(taskAttributes(task))}>`, ...body, `${indent}</${tag}>`].join('\n');
}

function bpmnTag(task: ChainTask): string {
  if (task.kind === 'userTask') return task.plain ? 'bpmn:task' : 'bpmn:userTask';
  return `bpmn:${task.kind}`;
}

function taskAttributes(task: ChainTask): [string, string | number | undefined][] {
  const common: [string, string | undefined][] = [['id', task.id], ['name', task.name], ['tb:department', task.department]];
  switch (task.kind) {
    case 'userTask':
      return [
        ...common,
        ['tb:itemCode', task.itemCode], ['tb:legalTimeLimit', task.legalTimeLimit], ['tb:timeLimit', task.timeLimit], ['tb:form', task.form],
        ...countersignAttributes(task),
      ];
    case 'serviceTask':
      return [...common, ['tb:connector', task.connector], ['tb:input', task.input], ['tb:resultVariable', task.resultVariable]];
    case 'businessRuleTask':
      return [...common, ['tb:resultVariable', task.resultVariable]];
  }
}

function countersignAttributes(task: UserTaskNode): [string, string | number | undefined][] {
  const rule = task.multiInstance?.rule;
  if (!rule || rule.type === 'condition') return [];
  return [['tb:countersign', rule.type], ['tb:passRatio', rule.type === 'ratio' ? rule.ratio : undefined]];
}

function extensionElements(task: ChainTask, indent: string): string[] {
  const inner = `${indent}  `;
  const elements = [
    ...(task.kind === 'userTask' ? task.prefill : []).map((p) =>
      `${inner}<tb:prefill${attributes([['connector', p.connector], ['input', p.input], ['fields', p.fields]])} />`),
    ...(task.kind === 'businessRuleTask' && task.expression !== undefined ? [`${inner}<tb:decision>${xmlText(task.expression)}</tb:decision>`] : []),
    ...paths('tb:reads', task.reads ?? [], inner),
    ...paths('tb:writes', task.writes ?? [], inner),
  ];
  return elements.length === 0 ? [] : [`${indent}<bpmn:extensionElements>`, ...elements, `${indent}</bpmn:extensionElements>`];
}

function paths(tag: string, list: readonly string[], indent: string): string[] {
  return list.length === 0 ? [] : [`${indent}<${tag}>${xmlText(list.join(' '))}</${tag}>`];
}

function multiInstanceXml(mi: MultiInstance, indent: string): string[] {
  const inner = `${indent}  `;
  const open = `${indent}<bpmn:multiInstanceLoopCharacteristics${attributes([
    ['isSequential', String(mi.sequential)], ['tb:collection', mi.collection], ['tb:elementVariable', mi.elementVariable],
  ])}>`;
  const expression = (tag: string, value: string | undefined) =>
    value === undefined ? [] : [`${inner}<bpmn:${tag} xsi:type="bpmn:tFormalExpression">${xmlText(value)}</bpmn:${tag}>`];
  return [
    open,
    ...expression('loopCardinality', mi.cardinality),
    ...expression('completionCondition', mi.rule.type === 'condition' ? mi.rule.condition : undefined),
    `${indent}</bpmn:multiInstanceLoopCharacteristics>`,
  ];
}
