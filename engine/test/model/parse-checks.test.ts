import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/index.js';

/**
 * A diagram around one process body, and other root elements or diagram
 * interchange after it; `executable` decides whether "cannot run" is an error or a warning.
 */
function diagram(body: string, executable = true, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="d">
  <bpmn:process id="p" isExecutable="${executable}">
    <bpmn:startEvent id="start" />
    ${body}
  </bpmn:process>
  ${after}
</bpmn:definitions>`;
}

interface Check {
  readonly body: string;
  readonly problem: readonly [code: string, elementId: string | undefined, severity: 'error' | 'warning'];
  readonly after?: string;
}

/** Checks the hostile corpus does not already show, one small diagram each. */
const CHECKS: Readonly<Record<string, Check>> = {
  'a timer start event': {
    body: '<bpmn:startEvent id="timed"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>',
    problem: ['model/unsupported-element', 'timed', 'error'],
  },
  'an event with two triggers': {
    body: '<bpmn:intermediateCatchEvent id="both"><bpmn:timerEventDefinition /><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>',
    problem: ['model/unsupported-element', 'both', 'error'],
  },
  'a boundary event without a trigger': {
    body: '<bpmn:userTask id="t" /><bpmn:boundaryEvent id="b" attachedToRef="t" />',
    problem: ['model/unsupported-element', 'b', 'error'],
  },
  'a message start event inside a sub-process': {
    body: '<bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"><bpmn:messageEventDefinition /></bpmn:startEvent></bpmn:subProcess>',
    problem: ['model/unsupported-element', 'subStart', 'error'],
  },
  'a sub-process without a start event': {
    body: '<bpmn:subProcess id="sub"><bpmn:userTask id="inner" /></bpmn:subProcess>',
    problem: ['model/no-start-event', 'sub', 'error'],
  },
  'multi-instance on a service task': {
    body: '<bpmn:serviceTask id="s" tb:connector="c"><bpmn:multiInstanceLoopCharacteristics tb:collection="xs" /></bpmn:serviceTask>',
    problem: ['model/unsupported-element', 's', 'error'],
  },
  'an ad-hoc sub-process': { body: '<bpmn:adHocSubProcess id="adhoc" />', problem: ['model/unsupported-element', 'adhoc', 'error'] },
  'a receive task': { body: '<bpmn:receiveTask id="r" />', problem: ['model/unsupported-element', 'r', 'error'] },
  'an escalation end event': {
    body: '<bpmn:endEvent id="e"><bpmn:escalationEventDefinition /></bpmn:endEvent>',
    problem: ['model/unsupported-element', 'e', 'error'],
  },
  'a compensation handler': { body: '<bpmn:userTask id="undo" isForCompensation="true" />', problem: ['model/unsupported-element', 'undo', 'error'] },
  'a default flow on an activity': {
    body: `<bpmn:userTask id="t" default="f2" /><bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />`,
    problem: ['model/activity-default-flow', 't', 'error'],
  },
  'a default flow that leaves another element': {
    body: `<bpmn:exclusiveGateway id="g" default="f1" /><bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g" /><bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e" />`,
    problem: ['model/invalid-default-flow', 'g', 'error'],
  },
  'a boundary event on a gateway': {
    body: '<bpmn:exclusiveGateway id="g" /><bpmn:boundaryEvent id="b" attachedToRef="g"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>',
    problem: ['model/boundary-not-attached', 'b', 'error'],
  },
  'a flow into a boundary event': {
    body: `<bpmn:userTask id="t" /><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="b" />`,
    problem: ['model/flow-into-boundary', 'f1', 'error'],
  },
  'a flow from a lane': {
    body: `<bpmn:laneSet><bpmn:lane id="lane" /></bpmn:laneSet><bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f1" sourceRef="lane" targetRef="e" />`,
    problem: ['model/dangling-flow', 'f1', 'error'],
  },
  'a message catch event without a message': {
    body: '<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>',
    problem: ['model/message-no-ref', 'wait', 'error'],
  },
  'an invalid tb:input': {
    body: '<bpmn:serviceTask id="s" tb:connector="c" tb:input="{uscc: }" />',
    problem: ['model/invalid-expression', 's', 'error'],
  },
  'an invalid tb:collection': {
    body: '<bpmn:userTask id="t"><bpmn:multiInstanceLoopCharacteristics tb:collection="signers[" /></bpmn:userTask>',
    problem: ['model/invalid-expression', 't', 'error'],
  },
  'a JavaScript condition': {
    body: `<bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="e">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">amount &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    problem: ['model/invalid-condition', 'f1', 'error'],
  },
  'an empty condition': {
    body: `<bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="e">
      <bpmn:conditionExpression>=</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    problem: ['model/invalid-condition', 'f1', 'error'],
  },
  'a countersign rule on a task that is not multi-instance': {
    body: '<bpmn:userTask id="t" tb:countersign="any" />',
    problem: ['model/countersign-without-multi-instance', 't', 'warning'],
  },
  'a tb:decision on a user task': {
    body: '<bpmn:userTask id="t"><bpmn:extensionElements><tb:decision>1</tb:decision></bpmn:extensionElements></bpmn:userTask>',
    problem: ['tb/misplaced-element', 't', 'warning'],
  },
  'a flow node without an id': { body: '<bpmn:userTask name="nameless" />', problem: ['model/missing-id', undefined, 'error'] },
  'an unknown attribute of the BPMN namespace': {
    body: '<bpmn:userTask id="t" priority="high" />',
    problem: ['xml/unknown-attribute', 't', 'warning'],
  },
  'text inside a task': { body: '<bpmn:userTask id="t">please hurry</bpmn:userTask>', problem: ['xml/unexpected-text', undefined, 'warning'] },
  'a diagram shape for a deleted element': {
    body: '',
    after: `<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
      <bpmndi:BPMNShape id="shape" bpmnElement="deleted" /></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`,
    problem: ['xml/unresolved-reference', 'shape', 'warning'],
  },
  'a choreography': { body: '', after: '<bpmn:choreography id="chor" />', problem: ['model/unsupported-element', 'chor', 'warning'] },
};

describe('parseBpmn structural checks', () => {
  it.each(Object.entries(CHECKS))('reports %s', async (_name, { body, after, problem }) => {
    // given a small diagram with one thing wrong
    // when it is parsed
    const { problems } = await parseBpmn(diagram(body, true, after));

    // then that thing is reported, on its element, with the expected severity
    const [code, elementId, severity] = problem;
    expect(problems).toContainEqual(expect.objectContaining(elementId === undefined ? { code, severity } : { code, elementId, severity }));
  });

  it('makes "cannot run" a warning in a process that is not executable', async () => {
    const { problems } = await parseBpmn(diagram('<bpmn:sendTask id="send" /><bpmn:exclusiveGateway id="g" />', false));

    expect(problems.map((p) => [p.code, p.elementId, p.severity])).toEqual([
      ['model/unsupported-element', 'send', 'warning'],
      ['model/no-outgoing', 'start', 'warning'],
      ['model/gateway-no-outgoing', 'g', 'warning'],
    ]);
  });

  it('does not call an element a dead end when its only way out leads to an unsupported element', async () => {
    const { problems } = await parseBpmn(diagram(`<bpmn:userTask id="t" /><bpmn:sendTask id="send" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="send" />`));

    expect(problems.map((p) => [p.code, p.elementId])).toEqual([['model/unsupported-element', 'send']]);
  });

  it('checks FEEL only up to its budget and says where it stopped', async () => {
    const flows = Array.from({ length: 300 }, (_, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="start" targetRef="e">
      <bpmn:conditionExpression>amount &gt; ${i} and applicant.age &gt;= 18</bpmn:conditionExpression></bpmn:sequenceFlow>`);

    const { problems } = await parseBpmn(diagram(`<bpmn:endEvent id="e" />${flows.join('')}`));

    expect(problems).toEqual([expect.objectContaining({ code: 'model/feel-not-checked', severity: 'warning' })]);
  });

  it('lists at most 1 000 problems, and says how many there were', async () => {
    const flows = Array.from({ length: 1500 }, (_, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="gone${i}" targetRef="start" />`);

    const { problems } = await parseBpmn(diagram(flows.join('')));

    expect(problems).toHaveLength(1001);
    // two per flow (unresolved source, dangling flow), and the start event's dead end
    expect(problems.at(-1)).toMatchObject({ code: 'parse/truncated', messageEn: '3001 problems found; only the first 1000 are listed' });
  });
});
