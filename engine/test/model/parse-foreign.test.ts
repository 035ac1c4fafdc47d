import { describe, expect, it } from 'vitest';
import { errorsOf, node, onlyProcess, parseFixture } from './support.js';

/**
 * Valid BPMN written by other tools. Their own extensions (camunda:, zeebe:,
 * signavio:, flowable:, modeler:) are other tools' business and pass
 * silently; what Tongban can run is in the model; what it cannot is reported
 * by element id and type, and nothing else is an error.
 */
interface ForeignCase {
  readonly file: string;
  readonly nodes: Readonly<Record<string, string>>;
  readonly errors: readonly (readonly [code: string, elementId: string, elementType: string])[];
}

const CASES: readonly ForeignCase[] = [
  {
    file: 'camunda7-leave-approval.bpmn',
    nodes: {
      StartEvent_1: 'startEvent', Activity_approve: 'userTask', Gateway_approved: 'exclusiveGateway',
      Activity_record: 'serviceTask', Event_approved: 'endEvent', Event_rejected: 'endEvent',
    },
    errors: [
      ['model/unsupported-element', 'Activity_log', 'bpmn:ScriptTask'],
      // Camunda 7 writes JUEL; Tongban's conditions are FEEL
      ['model/invalid-condition', 'Flow_approved', 'bpmn:SequenceFlow'],
    ],
  },
  {
    file: 'camunda8-business-license.bpmn',
    nodes: {
      StartEvent_1: 'startEvent', verify: 'serviceTask', isVerified: 'exclusiveGateway', review: 'userTask',
      registerTax: 'callActivity', licensed: 'endEvent', refused: 'endEvent',
    },
    errors: [
      ['model/unsupported-element', 'notifyApplicant', 'bpmn:SendTask'],
      ['model/unsupported-element', 'announce', 'bpmn:IntermediateThrowEvent'],
      // the signer list and the called process live in zeebe: extension elements, which Tongban does not read
      ['model/multi-instance-no-collection', 'review', 'bpmn:MultiInstanceLoopCharacteristics'],
      ['model/call-activity-no-called-element', 'registerTax', 'bpmn:CallActivity'],
    ],
  },
  {
    file: 'signavio-permit.bpmn',
    nodes: {
      'sid-START-0001': 'startEvent', 'sid-TASK-0001': 'userTask', 'sid-GW-0001': 'exclusiveGateway',
      'sid-TASK-0002': 'userTask', 'sid-END-0001': 'endEvent',
    },
    errors: [],
  },
  {
    file: 'flowable-expense.bpmn',
    nodes: {
      startEvent1: 'startEvent', firstReview: 'userTask', checkInsurance: 'serviceTask', eligible: 'exclusiveGateway',
      approve: 'userTask', urge: 'userTask', granted: 'endEvent', rejected: 'endEvent', urged: 'endEvent',
    },
    errors: [['model/invalid-condition', 'toApprove', 'bpmn:SequenceFlow']],
  },
];

describe('parseBpmn on BPMN exported by other tools', () => {
  it.each(CASES)('$file: reads what can run and reports only what cannot', async ({ file, nodes, errors }) => {
    // given a diagram as another modeler exports it
    // when it is parsed
    const result = await parseFixture(`foreign/${file}`);

    // then the XML reads cleanly: no problem about the other tool's attributes or elements
    expect(result.definitions).toBeDefined();
    expect(result.problems.filter((p) => p.code.startsWith('xml/') || p.code.startsWith('tb/'))).toEqual([]);
    // and every runnable node is in the model
    const process = onlyProcess(result);
    expect(Object.fromEntries([...process.scope.nodes.values()].map((n) => [n.id, n.kind]))).toEqual(nodes);
    // and the only errors are the unsupported parts, each by id and type
    expect(errorsOf(result.problems).map((p) => [p.code, p.elementId, p.elementType])).toEqual(errors);
  });

  it('keeps a Camunda 7 timer boundary event on its user task', async () => {
    const process = onlyProcess(await parseFixture('foreign/camunda7-leave-approval.bpmn'));

    expect(node(process, 'Activity_approve').boundaries).toEqual([{
      id: 'Event_timeout', name: '3 天未处理', attachedTo: 'Activity_approve', cancelActivity: true,
      trigger: { type: 'timer', timer: { type: 'duration', value: 'P3D' } }, outgoing: [],
    }]);
  });

  it('reads a Camunda 8 FEEL condition without its leading =', async () => {
    const process = onlyProcess(await parseFixture('foreign/camunda8-business-license.bpmn'));

    expect(process.scope.flows.get('Flow_valid')?.condition).toBe('verified = true');
    expect(node(process, 'isVerified')).toMatchObject({ defaultFlow: 'Flow_invalid' });
  });

  it('reads a Signavio documentation model (default namespace, isExecutable="false") without any problem', async () => {
    const result = await parseFixture('foreign/signavio-permit.bpmn');

    expect(result.problems).toEqual([]);
    expect(onlyProcess(result)).toMatchObject({ name: '施工许可（现状）', executable: false });
    expect(node(onlyProcess(result), 'sid-TASK-0001')).toMatchObject({ kind: 'userTask', plain: true, name: '材料审查' });
  });

  it('keeps a Flowable non-interrupting timer on its task', async () => {
    const process = onlyProcess(await parseFixture('foreign/flowable-expense.bpmn'));

    expect(node(process, 'approve').boundaries).toEqual([expect.objectContaining({ id: 'approveOverdue', cancelActivity: false, outgoing: ['f5'] })]);
  });
});
