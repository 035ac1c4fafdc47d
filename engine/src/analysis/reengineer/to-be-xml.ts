import { TB_NAMESPACE_URI } from '../../model/index.js';
import type { ProcessModel } from '../../model/index.js';
import type { SerialChain } from './serial-chain.js';
import { taskXml } from './task-xml.js';
import type { ChainTask } from './types.js';
import { attributes } from './xml-text.js';

interface Element {
  readonly id: string;
  readonly incoming: string[];
  readonly outgoing: string[];
  readonly write: (links: Element, indent: string) => string;
}

/**
 * The block-structured to-be process, without DI: start → for each stage
 * the single task, or a parallel fork → its tasks → join → end. Start, end
 * and task ids and names are kept; gateway and flow ids are new and never
 * clash with an id of the as-is model.
 */
export function toBeXml(model: ProcessModel, chain: SerialChain, stages: readonly (readonly string[])[], processId: string): string {
  const freshId = idSource(model);
  const byId = new Map(chain.tasks.map((task) => [task.id, task]));
  const elements: Element[] = [];
  const flows: string[] = [];
  const add = (id: string, write: Element['write']): Element => {
    const element = { id, incoming: [], outgoing: [], write };
    elements.push(element);
    return element;
  };
  const connect = (from: Element, to: Element): void => {
    const id = freshId('Flow');
    from.outgoing.push(id);
    to.incoming.push(id);
    flows.push(`    <bpmn:sequenceFlow${attributes([['id', id], ['sourceRef', from.id], ['targetRef', to.id]])} />`);
  };
  const task = (t: ChainTask) => add(t.id, (links, indent) => taskXml(t, links, indent));

  const startId = chain.start?.id ?? freshId('StartEvent');
  let previous = add(startId, (links, indent) => eventXml('startEvent', startId, chain.start?.name, links, indent));
  stages.forEach((ids, index) => {
    if (ids.length === 1) {
      const next = task(byId.get(ids[0]!)!);
      connect(previous, next);
      previous = next;
      return;
    }
    const stage = index + 1;
    const forkId = freshId(`Gateway_fork_${stage}`);
    const joinId = freshId(`Gateway_join_${stage}`);
    const fork = add(forkId, (links, indent) => gatewayXml(forkId, `第${stage}阶段并联办理`, links, indent));
    connect(previous, fork);
    const branches = ids.map((id) => task(byId.get(id)!));
    const join = add(joinId, (links, indent) => gatewayXml(joinId, `第${stage}阶段全部办结`, links, indent));
    for (const branch of branches) {
      connect(fork, branch);
      connect(branch, join);
    }
    previous = join;
  });
  const endId = chain.end?.id ?? freshId('EndEvent');
  const end = add(endId, (links, indent) => eventXml('endEvent', endId, chain.end?.name, links, indent));
  connect(previous, end);

  const name = model.name === undefined ? undefined : `${model.name}（并联）`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tb="${TB_NAMESPACE_URI}"${attributes([['id', `Definitions_${processId}`]])} targetNamespace="urn:tongban:to-be">
  <bpmn:process${attributes([
    ['id', processId], ['name', name],
    ['tb:legalTimeLimit', model.legalTimeLimit], ['tb:timeLimit', model.timeLimit], ['tb:correctionClock', model.correctionClock === 'restart' ? 'restart' : undefined],
  ])} isExecutable="true">
${elements.map((element) => element.write(element, '    ')).join('\n')}
${flows.join('\n')}
  </bpmn:process>
</bpmn:definitions>
`;
}

function eventXml(tag: string, id: string, name: string | undefined, links: Element, indent: string): string {
  return [`${indent}<bpmn:${tag}${attributes([['id', id], ['name', name]])}>`, ...linkLines(links, indent), `${indent}</bpmn:${tag}>`].join('\n');
}

function gatewayXml(id: string, name: string, links: Element, indent: string): string {
  return [`${indent}<bpmn:parallelGateway${attributes([['id', id], ['name', name]])}>`, ...linkLines(links, indent), `${indent}</bpmn:parallelGateway>`].join('\n');
}

function linkLines(links: Element, indent: string): string[] {
  return [
    ...links.incoming.map((id) => `${indent}  <bpmn:incoming>${id}</bpmn:incoming>`),
    ...links.outgoing.map((id) => `${indent}  <bpmn:outgoing>${id}</bpmn:outgoing>`),
  ];
}

/** `base`, or `base_2`, `base_3`, … : the first id not used in the as-is model nor already handed out. */
function idSource(model: ProcessModel): (base: string) => string {
  const taken = new Set<string>([model.id, `${model.id}_to_be`]);
  for (const node of model.scope.nodes.values()) {
    taken.add(node.id);
    for (const boundary of node.boundaries) taken.add(boundary.id);
  }
  for (const id of model.scope.flows.keys()) taken.add(id);
  const counters = new Map<string, number>();
  return (base) => {
    let n = (counters.get(base) ?? 0) + 1;
    const candidate = (k: number) => (k === 1 && base !== 'Flow' ? base : `${base}_${k}`);
    while (taken.has(candidate(n))) n += 1;
    const id = candidate(n);
    counters.set(base, n);
    taken.add(id);
    return id;
  };
}
