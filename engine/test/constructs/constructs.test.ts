import { describe, expect, it } from 'vitest';
import { RejectedCommandError } from '../../src/index.js';
import { DAY, harness } from '../helpers/harness.js';

const fixtures = new URL('./fixtures/', import.meta.url);

describe('user tasks in sequence', () => {
  it('opens each task in turn and merges the variables each completion brings', async () => {
    const h = harness(fixtures);
    await h.deploy('user-tasks.bpmn');
    const { id } = await h.runtime.start('user_tasks', { variables: { applicant: '张三' } });
    expect(await h.open(id)).toEqual(['accept']);
    await h.complete(id, 'accept', { variables: { accepted: true } });
    const end = await h.complete(id, 'approve', { variables: { approved: true } });
    expect(end.status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['accept', 'approve']);
    expect(await h.runtime.getVariables(id)).toEqual({ applicant: '张三', accepted: true, approved: true });
    const [task] = await h.store.listTasks({ instanceId: id });
    expect(task).toMatchObject({ name: '综合窗口受理', department: 'front-desk', timeLimit: '1wd', status: 'completed' });
  });
});

describe('exclusive gateway', () => {
  it.each([[5000, 'big'], [500, 'medium'], [5, 'small']])('amount %i takes the %s branch, conditions in order, default last', async (amount, branch) => {
    const h = harness(fixtures);
    await h.deploy('exclusive-gateway.bpmn');
    const { id } = await h.runtime.start('exclusive', { variables: { amount } });
    await h.complete(id, branch);
    expect((await h.complete(id, 'archive')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual([branch, 'archive']);
  });

  it('stops with an incident at the gateway when no condition holds and there is no default', async () => {
    const h = harness(fixtures);
    await h.runtime.deploy(h.fixture('exclusive-gateway.bpmn').replace(' default="f_small"', '').replace('<bpmn:sequenceFlow id="f_small" sourceRef="split" targetRef="small"/>',
      '<bpmn:sequenceFlow id="f_small" sourceRef="split" targetRef="small"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &lt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>'));
    const started = await h.runtime.start('exclusive', { variables: { amount: 50 } });
    expect(started.status).toBe('active');
    expect(started.incidents).toEqual([expect.objectContaining({ elementId: 'split' })]);
    const fixed = await h.runtime.updateVariables(started.id, { amount: 150 });
    expect(fixed.incidents).toEqual([]);
    expect(await h.open(started.id)).toEqual(['medium']);
  });
});

describe('parallel gateway: a "one thing" with six departments', () => {
  it('opens the six department tasks together and the final task when all are done, in any order', async () => {
    const h = harness(fixtures);
    await h.deploy('parallel-one-thing.bpmn');
    const { id } = await h.runtime.start('open_company', { variables: {} });
    await h.complete(id, 'accept');
    const departments = (await h.openTasks(id)).map((t) => t.department).sort();
    expect(departments).toEqual(['healthcare', 'housing-fund', 'hrss', 'market', 'police', 'tax']);
    for (const task of ['fund', 'medical', 'social', 'tax', 'seal']) {
      await h.complete(id, task);
      expect(await h.open(id)).not.toContain('deliver');
    }
    await h.complete(id, 'market');
    expect(await h.open(id)).toEqual(['deliver']);
    expect((await h.complete(id, 'deliver')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['accept', 'market', 'seal', 'tax', 'social', 'medical', 'fund', 'deliver']);
  });
});

describe('return for correction out of a six-branch parallel block', () => {
  it('keeps the other branches open until the applicant resubmits, then restarts the block from acceptance', async () => {
    const h = harness(fixtures);
    await h.deploy('correction-from-parallel.bpmn');
    const { id } = await h.runtime.start('correction', { variables: {} });
    await h.complete(id, 'accept');
    await h.complete(id, 'seal');
    await h.complete(id, 'tax');
    await h.complete(id, 'market', { variables: { materialsComplete: false } });
    expect(await h.open(id)).toEqual(['fund', 'medical', 'notify', 'social']);
    await h.complete(id, 'notify');
    expect(await h.open(id)).toEqual(['fund', 'medical', 'social']);
    await h.runtime.correlateMessage(id, 'resubmission', { materialsComplete: true });
    expect(await h.open(id)).toEqual(['accept']);
    const cancelled = (await h.store.listTasks({ instanceId: id, status: 'cancelled' })).map((t) => t.elementId).sort();
    expect(cancelled).toEqual(['fund', 'medical', 'social']);
    await h.complete(id, 'accept');
    expect(await h.open(id)).toEqual(['fund', 'market', 'medical', 'seal', 'social', 'tax']);
    for (const task of ['market', 'seal', 'tax', 'social', 'medical', 'fund']) await h.complete(id, task);
    expect((await h.complete(id, 'deliver')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual([
      'accept', 'market', 'seal', 'tax', 'social', 'medical', 'fund', 'notify',
      'accept', 'market', 'seal', 'tax', 'social', 'medical', 'fund', 'deliver',
    ]);
    expect((await h.runtime.verifyReplay(id)).matches).toBe(true);
  });

  it('refuses a message nobody waits for, and changes nothing', async () => {
    const h = harness(fixtures);
    await h.deploy('correction-from-parallel.bpmn');
    const { id, revision } = await h.runtime.start('correction', { variables: {} });
    await expect(h.runtime.correlateMessage(id, 'resubmission')).rejects.toBeInstanceOf(RejectedCommandError);
    expect((await h.runtime.getInstance(id)).revision).toBe(revision);
  });
});

describe('inclusive gateway', () => {
  it.each([
    [{ sellsFood: true, area: 100 }, ['food']],
    [{ sellsFood: true, area: 500 }, ['fire', 'food']],
    [{ sellsFood: false, area: 50 }, ['basic']],
  ])('with %o runs %o, then joins', async (variables, branches) => {
    const h = harness(fixtures);
    await h.deploy('inclusive-gateway.bpmn');
    const { id } = await h.runtime.start('inclusive', { variables });
    expect(await h.open(id)).toEqual(branches);
    for (const b of branches) await h.complete(id, b);
    expect((await h.complete(id, 'deliver')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual([...branches.slice().sort((a, b) => ['food', 'fire', 'basic'].indexOf(a) - ['food', 'fire', 'basic'].indexOf(b)), 'deliver']);
    expect(await h.runtime.getVariables(id)).toEqual(variables);
  });
});

describe('event-based gateway with message and timer', () => {
  it('continues after the message when the applicant resubmits in time', async () => {
    const h = harness(fixtures);
    await h.deploy('event-based-gateway.bpmn');
    const { id } = await h.runtime.start('event_gateway', { variables: {} });
    await h.complete(id, 'notify');
    expect((await h.store.listDueTimers('2026-04-30T00:00:00.000Z', 10)).map((t) => t.elementId)).toEqual(['expired']);
    await h.runtime.correlateMessage(id, 'resubmission', { documents: 2 });
    expect(await h.open(id)).toEqual(['review']);
    expect(await h.store.listDueTimers('2026-04-30T00:00:00.000Z', 10)).toEqual([]);
    expect((await h.complete(id, 'review')).status).toBe('completed');
    expect(await h.runtime.getVariables(id)).toEqual({ documents: 2 });
  });

  it('takes the timer path when 30 days pass, and then refuses the late message', async () => {
    const h = harness(fixtures);
    await h.deploy('event-based-gateway.bpmn');
    const { id } = await h.runtime.start('event_gateway', { variables: {} });
    await h.complete(id, 'notify');
    h.clock.advance(29 * DAY);
    expect(await h.runtime.fireDueTimers()).toBe(0);
    h.clock.advance(1 * DAY);
    expect(await h.runtime.fireDueTimers()).toBe(1);
    expect(await h.open(id)).toEqual(['close']);
    await expect(h.runtime.correlateMessage(id, 'resubmission')).rejects.toThrow(/not waiting/);
    expect((await h.complete(id, 'close')).status).toBe('completed');
  });
});

describe('embedded sub-process with an error end event and a boundary error catch', () => {
  it('leaves the sub-process normally when the materials are valid', async () => {
    const h = harness(fixtures);
    await h.deploy('subprocess-error.bpmn');
    const { id } = await h.runtime.start('subprocess_error', { variables: {} });
    await h.complete(id, 'check', { variables: { valid: true } });
    expect((await h.complete(id, 'approve')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['check', 'approve']);
  });

  it('catches the thrown error on the sub-process boundary', async () => {
    const h = harness(fixtures);
    await h.deploy('subprocess-error.bpmn');
    const { id } = await h.runtime.start('subprocess_error', { variables: {} });
    await h.complete(id, 'check', { variables: { valid: false } });
    expect(await h.open(id)).toEqual(['refuse']);
    expect((await h.complete(id, 'refuse')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['check', 'refuse']);
  });
});

describe('call activity', () => {
  it('runs the latest and a pinned version of the called process and returns their variables', async () => {
    const h = harness(fixtures);
    await h.deploy('call-child-v1.bpmn', 'call-child-v2.bpmn', 'call-activity.bpmn');
    const { id } = await h.runtime.start('parent', { variables: { applicant: '李四' } });
    const [latest] = await h.store.listTasks({ status: 'open' });
    expect(latest).toMatchObject({ elementId: 'child_task_v2', processId: 'child' });
    expect(await h.runtime.getVariables(latest!.instanceId)).toEqual({ applicant: '李四' });
    await h.runtime.completeTask(latest!.id, { variables: { fromV2: true } });
    const [pinned] = await h.store.listTasks({ status: 'open' });
    expect(pinned).toMatchObject({ elementId: 'child_task_v1' });
    expect((await h.runtime.getInstance(pinned!.instanceId)).version).toBe(1);
    await h.runtime.completeTask(pinned!.id, { variables: { fromV1: true } });
    expect(await h.open(id)).toEqual(['deliver']);
    expect((await h.complete(id, 'deliver')).status).toBe('completed');
    expect(await h.runtime.getVariables(id)).toEqual({ applicant: '李四', fromV2: true, fromV1: true });
  });

  it('stops the child when the parent is terminated', async () => {
    const h = harness(fixtures);
    await h.deploy('call-child-v1.bpmn', 'call-activity.bpmn');
    const { id } = await h.runtime.start('parent', { variables: {} });
    const [childTask] = await h.store.listTasks({ status: 'open' });
    await h.runtime.terminate(id, '申请人撤回');
    expect((await h.runtime.getInstance(childTask!.instanceId)).status).toBe('terminated');
    expect((await h.store.getTask(childTask!.id))?.status).toBe('cancelled');
  });
});

describe('countersign (multi-instance user tasks)', () => {
  const signers = ['王科长', '李科长', '赵科长'];

  it('all (会签): approved when every signer approves', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-all.bpmn');
    const { id } = await h.runtime.start('countersign_all', { variables: { signers } });
    const tasks = await h.openTasks(id);
    expect(tasks.map((t) => t.signer)).toEqual(signers);
    for (const t of tasks) await h.runtime.completeTask(t.id, { outcome: 'approve' });
    expect(await h.open(id)).toEqual(['issue']);
    expect((await h.complete(id, 'issue')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['sign', 'sign', 'sign', 'issue']);
    expect(await h.runtime.getVariables(id)).toEqual({ signers, signOutcome: 'approved' });
  });

  it('all (会签): rejected at the first rejection, the other votes cancelled', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-all.bpmn');
    const { id } = await h.runtime.start('countersign_all', { variables: { signers } });
    const tasks = await h.openTasks(id);
    await h.runtime.completeTask(tasks[0]!.id, { outcome: 'approve' });
    await h.runtime.completeTask(tasks[1]!.id, { outcome: 'reject' });
    expect(await h.open(id)).toEqual(['refuse']);
    expect((await h.store.getTask(tasks[2]!.id))?.status).toBe('cancelled');
  });

  it('any (或签): the first vote decides', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-any.bpmn');
    const { id } = await h.runtime.start('countersign_any', { variables: { signers } });
    const tasks = await h.openTasks(id);
    await h.runtime.completeTask(tasks[1]!.id, { outcome: 'approve' });
    expect(await h.open(id)).toEqual(['issue']);
    expect((await h.store.listTasks({ instanceId: id, status: 'cancelled' })).length).toBe(2);
  });

  it('ratio (比例签): approved once 60 % of five signers approved', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-ratio.bpmn');
    const { id } = await h.runtime.start('countersign_ratio', { variables: { signers: ['a', 'b', 'c', 'd', 'e'] } });
    const tasks = await h.openTasks(id);
    await h.runtime.completeTask(tasks[0]!.id, { outcome: 'approve' });
    await h.runtime.completeTask(tasks[1]!.id, { outcome: 'reject' });
    await h.runtime.completeTask(tasks[2]!.id, { outcome: 'approve' });
    expect(await h.open(id)).toEqual(['sign', 'sign']);
    await h.runtime.completeTask(tasks[3]!.id, { outcome: 'approve' });
    expect(await h.open(id)).toEqual(['issue']);
  });

  it('ratio (比例签): rejected as soon as the ratio can no longer be reached', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-ratio.bpmn');
    const { id } = await h.runtime.start('countersign_ratio', { variables: { signers: ['a', 'b', 'c', 'd', 'e'] } });
    const tasks = await h.openTasks(id);
    await h.runtime.completeTask(tasks[0]!.id, { outcome: 'reject' });
    await h.runtime.completeTask(tasks[1]!.id, { outcome: 'reject' });
    // 3 of 5 can still approve: 60 % is reachable
    expect(await h.open(id)).toEqual(['sign', 'sign', 'sign']);
    await h.runtime.completeTask(tasks[2]!.id, { outcome: 'reject' });
    expect(await h.open(id)).toEqual(['refuse']);
  });

  it('stops with an incident, and opens no task, when the signer collection is not a list', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-all.bpmn');
    const started = await h.runtime.start('countersign_all', { variables: { signers: 3 } });
    expect(await h.open(started.id)).toEqual([]);
    expect(started.status).toBe('active');
    expect(started.incidents).toEqual([expect.objectContaining({ elementId: 'sign', messageEn: expect.stringContaining('not a list'), message: expect.stringContaining('会签人') })]);
  });

  it('completionCondition, sequential: one signer at a time until two approved', async () => {
    const h = harness(fixtures);
    await h.deploy('countersign-condition.bpmn');
    const { id } = await h.runtime.start('countersign_condition', { variables: { signers: ['a', 'b', 'c', 'd'] } });
    const seen: unknown[] = [];
    for (const outcome of ['approve', 'reject', 'approve'] as const) {
      const open = await h.openTasks(id);
      expect(open).toHaveLength(1);
      seen.push(open[0]!.signer);
      await h.runtime.completeTask(open[0]!.id, { outcome });
    }
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(await h.open(id)).toEqual(['issue']);
    expect((await h.complete(id, 'issue')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['sign', 'sign', 'sign', 'issue']);
    expect(await h.runtime.getVariables(id)).toEqual({ signers: ['a', 'b', 'c', 'd'], signOutcome: 'approved' });
  });
});

describe('boundary timers on an overdue task', () => {
  it('a non-interrupting reminder opens a side task, and the interrupting overdue timer escalates', async () => {
    const h = harness(fixtures);
    await h.deploy('boundary-timers.bpmn');
    const { id } = await h.runtime.start('boundary_timers', { variables: {} });
    expect((await h.store.listDueTimers('2099-01-01T00:00:00.000Z', 10)).map((t) => [t.elementId, t.dueAt])).toEqual([
      ['remind', '2026-03-04T01:00:00.000Z'], ['overdue', '2026-03-07T01:00:00.000Z'],
    ]);
    h.clock.advance(2 * DAY);
    expect(await h.runtime.fireDueTimers()).toBe(1);
    expect(await h.open(id)).toEqual(['review', 'urge']);
    await h.complete(id, 'urge');
    h.clock.advance(3 * DAY);
    expect(await h.runtime.fireDueTimers()).toBe(1);
    expect(await h.open(id)).toEqual(['escalate']);
    expect((await h.store.listTasks({ instanceId: id, status: 'cancelled' })).map((t) => t.elementId)).toEqual(['review']);
    await h.complete(id, 'escalate');
    expect((await h.complete(id, 'deliver')).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['review', 'urge', 'escalate', 'deliver']);
  });

  it('cancels both timers when the task is done in time; the instance ends only when the side task is done too', async () => {
    const h = harness(fixtures);
    await h.deploy('boundary-timers.bpmn');
    const { id } = await h.runtime.start('boundary_timers', { variables: {} });
    h.clock.advance(2 * DAY);
    await h.runtime.fireDueTimers();
    await h.complete(id, 'review');
    expect(await h.store.listDueTimers('2099-01-01T00:00:00.000Z', 10)).toEqual([]);
    expect((await h.complete(id, 'deliver')).status).toBe('active');
    expect((await h.complete(id, 'urge')).status).toBe('completed');
  });
});

describe('intermediate timer catch', () => {
  it('waits for the publicity period before the next task', async () => {
    const h = harness(fixtures);
    await h.deploy('timer-catch.bpmn');
    const { id } = await h.runtime.start('timer_catch', { variables: {} });
    await h.complete(id, 'review');
    expect(await h.open(id)).toEqual([]);
    h.clock.advance(7 * DAY - 1);
    expect(await h.runtime.fireDueTimers()).toBe(0);
    h.clock.advance(1);
    expect(await h.runtime.fireDueTimers()).toBe(1);
    expect((await h.complete(id, 'issue', { variables: { licence: 'L-1' } })).status).toBe('completed');
    expect(await h.openedSequence(id)).toEqual(['review', 'issue']);
    expect(await h.runtime.getVariables(id)).toEqual({ licence: 'L-1' });
  });
});

describe('service task (connector job) and business rule task (FEEL decision)', () => {
  it('enqueues the job with its FEEL input, stores the result and decides the fee', async () => {
    const h = harness(fixtures);
    await h.deploy('service-and-rules.bpmn');
    const { id } = await h.runtime.start('service_rules', { variables: { applicant: { uscc: '91350100M000100Y43' } } });
    const [job] = await h.store.listPendingJobs(10);
    expect(job).toMatchObject({ elementId: 'lookup', connector: 'legal-entity', input: { uscc: '91350100M000100Y43' } });
    await h.runtime.completeJob(job!.id, { name: '福州某某有限公司', capital: 5_000_000 });
    expect(await h.open(id)).toEqual(['review']);
    expect(await h.runtime.getVariables(id)).toMatchObject({ company: { capital: 5_000_000 }, fee: 300 });
  });

  it('takes the boundary error path when the source is unavailable', async () => {
    const h = harness(fixtures);
    await h.deploy('service-and-rules.bpmn');
    const { id } = await h.runtime.start('service_rules', { variables: { applicant: { uscc: 'x' } } });
    const [job] = await h.store.listPendingJobs(10);
    await h.runtime.failJob(job!.id, { message: 'HTTP 503', errorCode: 'SOURCE_UNAVAILABLE' });
    expect((await h.store.getJob(job!.id))).toMatchObject({ status: 'failed', error: 'HTTP 503' });
    await h.complete(id, 'manual', { variables: { company: { capital: 10 } } });
    expect(await h.runtime.getVariables(id)).toMatchObject({ fee: 100 });
    expect(await h.open(id)).toEqual(['review']);
  });

  it('records an incident for a failure no boundary event catches, and keeps waiting', async () => {
    const h = harness(fixtures);
    await h.deploy('service-and-rules.bpmn');
    const { id } = await h.runtime.start('service_rules', { variables: { applicant: { uscc: 'x' } } });
    const [job] = await h.store.listPendingJobs(10);
    const after = await h.runtime.failJob(job!.id, { message: 'connection refused' });
    expect(after.status).toBe('active');
    expect(after.incidents).toEqual([expect.objectContaining({ elementId: 'lookup', message: '连接器任务失败：connection refused', messageEn: 'The connector job failed: connection refused' })]);
    expect(await h.store.listPendingJobs(10)).toEqual([]);
    expect(await h.open(id)).toEqual([]);
  });
});

describe('message start event, terminate end event and message end event', () => {
  it('terminates the whole instance from inside a branch, cancelling the sibling task', async () => {
    const h = harness(fixtures);
    await h.deploy('message-start-terminate.bpmn');
    const { id } = await h.runtime.start('message_terminate', { variables: {} });
    expect(await h.open(id)).toEqual(['check', 'register']);
    const end = await h.complete(id, 'check', { variables: { eligible: false } });
    expect(end.status).toBe('terminated');
    expect(await h.openedSequence(id)).toEqual(['check', 'register']);
    expect(await h.runtime.getVariables(id)).toEqual({ eligible: false });
    expect((await h.store.listTasks({ instanceId: id, status: 'cancelled' })).map((t) => t.elementId)).toEqual(['register']);
  });

  it('completes through the message end event when eligible', async () => {
    const h = harness(fixtures);
    await h.deploy('message-start-terminate.bpmn');
    const { id } = await h.runtime.start('message_terminate', { variables: {} });
    await h.complete(id, 'register');
    expect((await h.complete(id, 'check', { variables: { eligible: true } })).status).toBe('completed');
  });
});

describe('lanes, pools and plain tasks', () => {
  it('runs each executable pool, gives plain tasks the department of their innermost lane that has one', async () => {
    const h = harness(fixtures);
    await h.deploy('lanes-and-pools.bpmn');
    const front = await h.runtime.start('front', { variables: {} });
    expect((await h.openTasks(front.id)).map((t) => [t.elementId, t.department])).toEqual([['hand_over', 'front-desk']]);
    const market = await h.runtime.start('market', { variables: {} });
    expect((await h.openTasks(market.id)).map((t) => [t.elementId, t.department])).toEqual([['receive', 'market']]);
    await h.complete(market.id, 'receive');
    expect((await h.openTasks(market.id)).map((t) => [t.elementId, t.department])).toEqual([['permit', 'market-permit']]);
  });
});
