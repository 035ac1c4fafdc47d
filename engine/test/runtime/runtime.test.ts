import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidProcessError, NotFoundError, RejectedCommandError, Runtime } from '../../src/index.js';
import { FakeClock, SequentialIds } from '../../src/testing/index.js';
import { DAY, harness } from '../helpers/harness.js';

const fixtures = new URL('../constructs/fixtures/', import.meta.url);

describe('Runtime over a Store', () => {
  it('lets a second server node pick up an instance where the first left it', async () => {
    const h = harness(fixtures);
    await h.deploy('parallel-one-thing.bpmn');
    const { id } = await h.runtime.start('open_company');
    await h.complete(id, 'accept');
    const otherNode = new Runtime({ store: h.store, clock: new FakeClock(), ids: new SequentialIds('other') });
    for (const task of await h.store.listTasks({ instanceId: id, status: 'open' })) await otherNode.completeTask(task.id);
    expect(await h.open(id)).toEqual(['deliver']);
  });

  it('answers a lost race with a ConflictError and writes nothing for the loser', async () => {
    const h = harness(fixtures);
    await h.deploy('parallel-one-thing.bpmn');
    const { id } = await h.runtime.start('open_company');
    await h.complete(id, 'accept');
    const before = await h.runtime.getInstance(id);
    const open = await h.openTasks(id);
    const tax = open.find((t) => t.elementId === 'tax');
    const seal = open.find((t) => t.elementId === 'seal');
    const nodeB = new Runtime({ store: h.store, clock: h.clock, ids: new SequentialIds('b') });
    const results = await Promise.allSettled([h.runtime.completeTask(tax!.id), nodeB.completeTask(seal!.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect((await h.runtime.getInstance(id)).revision).toBe(before.revision + 1);
    expect((await h.store.listTasks({ instanceId: id, status: 'completed' })).map((t) => t.elementId).sort()).toEqual(
      ['accept', results[0]!.status === 'fulfilled' ? 'tax' : 'seal'].sort(),
    );
    expect(await h.store.listHistory(id)).toHaveLength(before.revision + 1);
  });

  it('rejects completing a task twice, with a typed error and no write', async () => {
    const h = harness(fixtures);
    await h.deploy('user-tasks.bpmn');
    const { id } = await h.runtime.start('user_tasks');
    const [task] = await h.openTasks(id);
    await h.runtime.completeTask(task!.id);
    const revision = (await h.runtime.getInstance(id)).revision;
    const error = await h.runtime.completeTask(task!.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedCommandError);
    expect((error as RejectedCommandError).code).toBe('task/not-open');
    expect((await h.runtime.getInstance(id)).revision).toBe(revision);
  });

  it('rejects any command to an instance that has ended', async () => {
    const h = harness(fixtures);
    await h.deploy('user-tasks.bpmn');
    const { id } = await h.runtime.start('user_tasks');
    await h.runtime.terminate(id, '申请人撤回');
    await expect(h.runtime.updateVariables(id, { a: 1 })).rejects.toMatchObject({ code: 'instance/ended' });
  });

  it('replays the recorded history of an instance to the same snapshot', async () => {
    const h = harness(fixtures);
    await h.deploy('boundary-timers.bpmn');
    const { id } = await h.runtime.start('boundary_timers', { variables: { n: 1 } });
    h.clock.advance(2 * DAY);
    await h.runtime.fireDueTimers();
    await h.complete(id, 'urge', { variables: { urged: true } });
    h.clock.advance(3 * DAY);
    await h.runtime.fireDueTimers();
    expect(await h.runtime.verifyReplay(id)).toMatchObject({ matches: true });
    const history = await h.store.listHistory(id);
    expect(history.map((r) => r.command.type)).toEqual(['start', 'timer.fire', 'task.complete', 'timer.fire']);
  });

  it('refuses to deploy a diagram with errors, naming the elements', async () => {
    const h = harness(fixtures);
    const xml = h.fixture('user-tasks.bpmn').replace(' tb:department="market"', '');
    const error = await h.runtime.deploy(xml).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidProcessError);
    expect((error as InvalidProcessError).problems).toContainEqual(expect.objectContaining({ code: 'tb/user-task-department', elementId: 'approve' }));
    await expect(h.runtime.start('user_tasks')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps deployed versions immutable and starts the latest unless one is pinned', async () => {
    const h = harness(fixtures);
    await h.deploy('call-child-v1.bpmn', 'call-child-v2.bpmn');
    expect((await h.store.listTasks({ instanceId: (await h.runtime.start('child')).id }))[0]?.elementId).toBe('child_task_v2');
    expect((await h.store.listTasks({ instanceId: (await h.runtime.start('child', { version: 1 })).id }))[0]?.elementId).toBe('child_task_v1');
  });
});
