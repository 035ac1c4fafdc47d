import { layoutProcess } from 'bpmn-auto-layout';
import type { SimpleFlow, SimpleItem } from './types';

/**
 * The simple-mode stages as block-structured BPMN: a user task per
 * single-item stage, a parallel fork and join around a stage of several,
 * laid out with bpmn-auto-layout so the full modeler opens it at once.
 */
export async function flowToXml(flow: SimpleFlow): Promise<string> {
  const elements: string[] = [];
  const edges: string[] = [];
  let previous = 'StartEvent_1';
  const connect = (source: string, target: string) => {
    edges.push(`<bpmn:sequenceFlow id="Flow_${source}_${target}" sourceRef="${source}" targetRef="${target}" />`);
  };
  elements.push('<bpmn:startEvent id="StartEvent_1" />');
  flow.stages.forEach((stage, index) => {
    if (stage.items.length === 0) return;
    if (stage.items.length === 1) {
      const only = stage.items[0]!;
      elements.push(task(only));
      connect(previous, only.id);
      previous = only.id;
      return;
    }
    const fork = `Gateway_stage${index + 1}_fork`;
    const join = `Gateway_stage${index + 1}_join`;
    elements.push(`<bpmn:parallelGateway id="${fork}" />`, `<bpmn:parallelGateway id="${join}" />`);
    connect(previous, fork);
    for (const item of stage.items) {
      elements.push(task(item));
      connect(fork, item.id);
      connect(item.id, join);
    }
    previous = join;
  });
  elements.push('<bpmn:endEvent id="EndEvent_1" />');
  connect(previous, 'EndEvent_1');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="Definitions_${attr(flow.processId)}" targetNamespace="urn:tongban:designer">
  <bpmn:process id="${attr(flow.processId)}" name="${attr(flow.name)}" isExecutable="true">
    ${[...elements, ...edges].join('\n    ')}
  </bpmn:process>
</bpmn:definitions>
`;
  return layoutProcess(xml);
}

function task(item: SimpleItem): string {
  const attributes = [
    `id="${attr(item.id)}"`, `name="${attr(item.name)}"`,
    item.department ? `tb:department="${attr(item.department)}"` : '',
    item.itemCode ? `tb:itemCode="${attr(item.itemCode)}"` : '',
    item.legalTimeLimit ? `tb:legalTimeLimit="${attr(item.legalTimeLimit)}"` : '',
    item.timeLimit ? `tb:timeLimit="${attr(item.timeLimit)}"` : '',
  ].filter(Boolean);
  return `<bpmn:userTask ${attributes.join(' ')} />`;
}

function attr(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
