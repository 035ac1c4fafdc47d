import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/index.js';
import { fixtureBytes, node, onlyProcess, parseFixture } from './support.js';

describe('parseBpmn on valid diagrams', () => {
  it('reads a user task with every tb: attribute, its prefills, reads and writes', async () => {
    // given a bpmn-js export with diagram interchange
    // when it is parsed
    const result = await parseFixture('user-task.bpmn');

    // then nothing is wrong and the task carries all of its extension data
    expect(result.problems).toEqual([]);
    expect(result.definitions?.$type).toBe('bpmn:Definitions');
    const process = onlyProcess(result);
    expect(process).toMatchObject({ id: 'TaxRegistration', name: '涉税事项', executable: true });
    expect(node(process, 'tax')).toEqual({
      id: 'tax',
      name: '涉税事项办理',
      kind: 'userTask',
      plain: false,
      department: 'tax',
      itemCode: '11100000000013127D3000117000',
      legalTimeLimit: '20wd',
      timeLimit: '1wd',
      form: 'tax-registration',
      prefill: [
        { connector: 'legal-entity', input: 'uscc=${applicant.uscc}', fields: 'name:company.name,address:company.address' },
        { connector: 'e-licence', input: 'licence=${applicant.licenceNo}' },
      ],
      reads: ['company.name', 'company.uscc', 'applicant.name'],
      writes: ['tax.registered'],
      incoming: ['Flow_1'],
      outgoing: ['Flow_2'],
      boundaries: [],
    });
    expect(process.scope.flows.get('Flow_2')).toEqual({ id: 'Flow_2', name: '完成', source: 'tax', target: 'End' });
  });

  it('reads the start form and its prefill bindings on the start event, for the front desk', async () => {
    const process = onlyProcess(await parseFixture('user-task.bpmn'));

    expect(node(process, 'Start')).toMatchObject({
      kind: 'startEvent',
      trigger: 'none',
      form: 'tax-apply',
      prefill: [{ connector: 'legal-entity', input: 'uscc=${applicant.uscc}', fields: 'name:company.name' }],
    });
  });

  it('gives each task the department of its innermost lane, inherited through nested lanes, unless it has its own', async () => {
    const process = onlyProcess(await parseFixture('lanes.bpmn'));

    const departments = Object.fromEntries([...process.scope.nodes.values()]
      .filter((n) => n.kind === 'userTask').map((n) => [n.id, n.kind === 'userTask' ? n.department : undefined]));
    expect(departments).toEqual({
      accept: 'front-desk',
      license: 'market', // nested lane without tb:department: the parent lane's
      seal: 'public-security', // nested lane with its own
      review: 'tax', // the task's own tb:department wins
    });
  });

  it('reads each countersign rule of a multi-instance user task', async () => {
    const result = await parseFixture('countersign.bpmn');
    const process = onlyProcess(result);
    const multiInstance = (id: string) => {
      const task = node(process, id);
      return task.kind === 'userTask' ? task.multiInstance : undefined;
    };

    expect(result.problems).toEqual([]);
    expect(multiInstance('signAll')).toEqual({ sequential: false, collection: 'reviewers', elementVariable: 'signer', rule: { type: 'all' } });
    expect(multiInstance('signAny')).toEqual({ sequential: true, collection: 'reviewers', elementVariable: 'reviewer', rule: { type: 'any' } });
    expect(multiInstance('signRatio')?.rule).toEqual({ type: 'ratio', ratio: 0.6 });
    expect(multiInstance('signCondition')?.rule).toEqual({ type: 'condition', condition: 'count(votes[approved = true]) >= 2' });
    expect(multiInstance('signCardinality')).toEqual({ sequential: false, elementVariable: 'signer', cardinality: '3', rule: { type: 'all' } });
  });

  it('reads a service task as a connector job', async () => {
    const result = await parseFixture('service-task.bpmn');
    const process = onlyProcess(result);

    expect(result.problems).toEqual([]);
    expect(node(process, 'lookup')).toEqual({
      id: 'lookup',
      name: '查询企业信息',
      kind: 'serviceTask',
      department: 'market',
      connector: 'legal-entity',
      input: '{uscc: applicant.uscc}',
      resultVariable: 'company',
      reads: ['applicant.uscc'],
      writes: ['company'],
      incoming: ['f1'],
      outgoing: ['f2'],
      boundaries: [],
    });
    expect(node(process, 'notify')).toMatchObject({ kind: 'serviceTask', connector: 'sms' });
  });

  it('reads a business rule task from its tb:decision', async () => {
    const result = await parseFixture('business-rule-task.bpmn');
    const process = onlyProcess(result);

    expect(result.problems).toEqual([]);
    expect(node(process, 'route')).toMatchObject({
      kind: 'businessRuleTask',
      department: 'market',
      expression: 'company.registeredCapital > 10000000 or company.industry = "food"',
      resultVariable: 'needsInspection',
      reads: ['company.registeredCapital', 'company.industry'],
      writes: ['needsInspection'],
    });
    // without a resultVariable on the decision, the task's tb:resultVariable
    expect(node(process, 'score')).toMatchObject({ expression: 'if needsInspection then 1 else 0', resultVariable: 'score' });
  });

  it('reads duration, date and cycle timers as written', async () => {
    const process = onlyProcess(await parseFixture('timers.bpmn'));

    expect(node(process, 'waitDuration')).toMatchObject({ kind: 'timerCatch', name: '公示期', timer: { type: 'duration', value: '5wd' } });
    expect(node(process, 'waitDate')).toMatchObject({ kind: 'timerCatch', timer: { type: 'date', value: '2026-03-01T09:00:00+08:00' } });
    expect(node(process, 'waitCycle')).toMatchObject({ kind: 'timerCatch', timer: { type: 'cycle', value: 'R3/PT10H' } });
  });

  it('attaches timer and error boundary events to their activity, not to the scope', async () => {
    const result = await parseFixture('boundary-events.bpmn');
    const process = onlyProcess(result);

    expect(result.problems).toEqual([]);
    expect(process.scope.nodes.has('overdue')).toBe(false);
    expect(node(process, 'review').boundaries).toEqual([
      { id: 'overdue', name: '超期', attachedTo: 'review', cancelActivity: true, trigger: { type: 'timer', timer: { type: 'duration', value: '3wd' } }, outgoing: ['f4'] },
      { id: 'remind', name: '催办', attachedTo: 'review', cancelActivity: false, trigger: { type: 'timer', timer: { type: 'cycle', value: 'R/P1D' } }, outgoing: [] },
    ]);
    expect(node(process, 'lookup').boundaries).toEqual([
      { id: 'notFound', attachedTo: 'lookup', cancelActivity: true, trigger: { type: 'error', errorCode: 'NOT_FOUND' }, outgoing: ['f6'] },
      { id: 'anyError', attachedTo: 'lookup', cancelActivity: true, trigger: { type: 'error' }, outgoing: ['f7'] },
    ]);
    expect(process.scope.flows.get('f4')).toEqual({ id: 'f4', source: 'overdue', target: 'escalate' });
  });

  it('reads a sub-process as a nested scope whose tasks take the sub-process lane department', async () => {
    const result = await parseFixture('sub-process.bpmn');
    const sub = node(onlyProcess(result), 'inspection');

    expect(result.problems).toEqual([]);
    expect(sub.kind).toBe('subProcess');
    if (sub.kind !== 'subProcess') return;
    expect([...sub.scope.nodes.keys()]).toEqual(['inspectionStart', 'visit', 'report', 'inspectionEnd']);
    expect([...sub.scope.flows.keys()]).toEqual(['s1', 's2', 's3']);
    expect(sub.scope.nodes.get('visit')).toMatchObject({ department: 'housing' });
    expect(sub.scope.nodes.get('report')).toMatchObject({ department: 'fire' });
  });

  it('reads call activities with the latest or a pinned version', async () => {
    const process = onlyProcess(await parseFixture('call-activity.bpmn'));

    expect(node(process, 'callLatest')).toMatchObject({ kind: 'callActivity', calledElement: 'SocialInsurance', version: 'latest' });
    expect(node(process, 'callPinned')).toMatchObject({ kind: 'callActivity', calledElement: 'HousingFund', version: 3 });
  });

  it('reads gateways with default flows, FEEL conditions without the leading =, and every supported event', async () => {
    const result = await parseFixture('gateways-and-events.bpmn');
    const process = onlyProcess(result);

    expect(result.problems).toEqual([]);
    expect(node(process, 'check')).toMatchObject({ kind: 'exclusiveGateway', defaultFlow: 'fDefault', outgoing: ['fBig', 'fReject', 'fDefault'] });
    expect(node(process, 'fork')).toMatchObject({ kind: 'parallelGateway' });
    expect(node(process, 'options')).toMatchObject({ kind: 'inclusiveGateway', defaultFlow: 'fOptDefault' });
    expect(node(process, 'race')).toMatchObject({ kind: 'eventBasedGateway' });
    expect(process.scope.flows.get('fBig')?.condition).toBe('amount > 1000');
    expect(process.scope.flows.get('fReject')?.condition).toBe('rejected = true');
    expect(process.scope.flows.get('fDefault')?.condition).toBeUndefined();
    expect(node(process, 'StartByMessage')).toMatchObject({ kind: 'startEvent', trigger: 'message', messageName: '材料补正' });
    expect(node(process, 'supplied')).toMatchObject({ kind: 'messageCatch', messageName: '材料补正' });
    expect(node(process, 'timeout')).toMatchObject({ kind: 'timerCatch', timer: { type: 'duration', value: 'P30D' } });
    expect(node(process, 'EndNone')).toMatchObject({ kind: 'endEvent', result: 'none' });
    // a message without a name is known by its id
    expect(node(process, 'EndMessage')).toMatchObject({ kind: 'endEvent', result: 'message', messageName: 'Message_done' });
    expect(node(process, 'EndTerminate')).toMatchObject({ kind: 'endEvent', result: 'terminate' });
    expect(node(process, 'EndError')).toMatchObject({ kind: 'endEvent', result: 'error', errorCode: 'REJECTED' });
  });

  it('reads the process of each pool of a collaboration and reports the message flow between them', async () => {
    const result = await parseFixture('collaboration.bpmn');

    expect(result.processes.map((p) => [p.id, p.name, p.executable])).toEqual([
      ['FrontDesk', '政务服务中心', true], // nameless process: the pool's name
      ['Market', '营业执照办理', true],
    ]);
    expect(result.processes[1]?.scope.nodes.get('MarketStart')).toMatchObject({ trigger: 'message', messageName: 'handover' });
    expect(result.problems).toEqual([expect.objectContaining({
      code: 'model/unsupported-element', severity: 'warning', elementId: 'Msg_handover', elementType: 'bpmn:MessageFlow',
    })]);
  });

  it('still reads a non-executable process, with what would stop it from running as warnings', async () => {
    const result = await parseFixture('non-executable.bpmn');
    const process = onlyProcess(result);

    expect(process.executable).toBe(false);
    expect(node(process, 'paper')).toMatchObject({ kind: 'userTask', plain: true });
    expect(result.problems.map((p) => [p.code, p.severity, p.elementId])).toEqual([
      ['model/unsupported-element', 'warning', 'mail'],
      ['model/no-start-event', 'warning', 'AsIs'],
    ]);
  });

  it('gives the same result for text and for its UTF-8 bytes, with or without a byte order mark', async () => {
    const text = new TextDecoder().decode(fixtureBytes('service-task.bpmn'));
    const fromText = await parseBpmn(text);
    const fromBom = await parseBpmn(`\uFEFF${text}`);
    const fromBytes = await parseBpmn(new TextEncoder().encode(`\uFEFF${text}`));

    expect(fromText.problems).toEqual([]);
    expect(fromBom.processes).toEqual(fromText.processes);
    expect(fromBytes.processes).toEqual(fromText.processes);
  });

  it('accepts another prefix for the tb: namespace', async () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="urn:tongban:schema:bpmn:1.0" id="d">
      <process id="p"><startEvent id="s"/><userTask id="t" tongban:department="tax"/><endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/></process></definitions>`;

    const result = await parseBpmn(xml);

    expect(result.problems).toEqual([]);
    expect(node(onlyProcess(result), 't')).toMatchObject({ department: 'tax', plain: false });
  });
});
