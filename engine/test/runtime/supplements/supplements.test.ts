import { describe, expect, it } from 'vitest';
import { applicationStatus, Runtime, SYSTEM_ACTOR } from '../../../src/index.js';
import { FakeClock, SequentialIds } from '../../../src/testing/index.js';
import { DAY, harness } from '../../helpers/harness.js';

const fixtures = new URL('../../constructs/fixtures/', import.meta.url);
const START = '2026-03-02T01:00:00.000Z';
const LICENCE = { material: '营业执照副本', dueAt: '2026-03-09T09:30:00.000Z' };
const LEASE = { material: '房屋租赁合同', dueAt: '2026-03-16T09:30:00.000Z' };
const COMMITMENT = { material: '住所使用证明', signedBy: '张三', signedAt: START };

async function started(missing = [LICENCE, LEASE]) {
  const h = harness(fixtures);
  await h.deploy('user-tasks.bpmn');
  const instance = await h.runtime.start('user_tasks', { missingMaterials: missing, commitments: [COMMITMENT], actor: { userId: 'frontdesk' } });
  return { h, id: instance.id, instance };
}

async function finishProcess(h: Awaited<ReturnType<typeof started>>['h'], id: string) {
  await h.complete(id, 'accept');
  return h.complete(id, 'approve');
}

const supplementTimers = async (h: Awaited<ReturnType<typeof started>>['h'], id: string) =>
  (await h.store.listTimers({ instanceId: id })).filter((t) => t.supplement).map((t) => ({ material: t.supplement!.material, status: t.status, dueAt: t.dueAt }));

describe('容缺受理: accepting an application with missing materials', () => {
  it('records the missing materials and commitments on the instance and schedules one deadline per material', async () => {
    const { h, id, instance } = await started();
    expect(instance.materials).toEqual([
      { material: '营业执照副本', dueAt: LICENCE.dueAt, status: 'missing', timerId: `${id}/material/0` },
      { material: '房屋租赁合同', dueAt: LEASE.dueAt, status: 'missing', timerId: `${id}/material/1` },
    ]);
    expect(instance.commitments).toEqual([COMMITMENT]);
    expect(await supplementTimers(h, id)).toEqual([
      { material: '营业执照副本', status: 'scheduled', dueAt: LICENCE.dueAt },
      { material: '房屋租赁合同', status: 'scheduled', dueAt: LEASE.dueAt },
    ]);
    const [start] = await h.store.listHistory(id);
    expect(start!.command).toMatchObject({ type: 'start', missingMaterials: [LICENCE, LEASE], commitments: [COMMITMENT] });
    expect(start!.effects.filter((e) => e.type === 'material.missing').map((e) => e.id)).toEqual([`${id}/material/0`, `${id}/material/1`]);
  });

  it('closes a supplied material and cancels its deadline; the process then completes as usual', async () => {
    const { h, id } = await started();
    h.clock.advance(DAY);
    const after = await h.runtime.supplyMaterial(id, '营业执照副本', { userId: 'frontdesk' });
    expect(after.materials![0]).toMatchObject({ status: 'supplied', suppliedAt: '2026-03-03T01:00:00.000Z', suppliedBy: 'frontdesk' });
    expect(after.materials![1]!.status).toBe('missing');
    expect((await supplementTimers(h, id)).map((t) => t.status)).toEqual(['cancelled', 'scheduled']);
    await h.runtime.supplyMaterial(id, '房屋租赁合同', { userId: 'frontdesk' });
    const done = await finishProcess(h, id);
    expect(done.status).toBe('completed');
    expect(done.awaitingSupplement).toBeUndefined();
    expect(applicationStatus(done)).toBe('completed');
  });

  it('keeps an instance whose process has ended awaiting the supplement, and completes it with the last material', async () => {
    const { h, id } = await started();
    await h.runtime.supplyMaterial(id, '房屋租赁合同');
    const ended = await finishProcess(h, id);
    expect(ended).toMatchObject({ status: 'active', awaitingSupplement: true });
    expect(ended.endedAt).toBeUndefined();
    expect(applicationStatus(ended)).toBe('awaiting-supplement');
    expect(await h.open(id)).toEqual([]);
    const last = (await h.store.listHistory(id)).at(-1)!;
    expect(last.effects.map((e) => e.type)).toContain('instance.awaiting-supplement');

    h.clock.advance(2 * DAY);
    const completed = await h.runtime.supplyMaterial(id, '营业执照副本', { userId: 'frontdesk' });
    expect(completed).toMatchObject({ status: 'completed', endedAt: '2026-03-04T01:00:00.000Z' });
    expect(completed.awaitingSupplement).toBeUndefined();
    expect((await h.store.listHistory(id)).at(-1)!.effects.map((e) => e.type)).toEqual(['material.supplied', 'instance.completed']);
    expect(await supplementTimers(h, id)).toEqual([
      { material: '营业执照副本', status: 'cancelled', dueAt: LICENCE.dueAt },
      { material: '房屋租赁合同', status: 'cancelled', dueAt: LEASE.dueAt },
    ]);
    expect((await h.runtime.verifyReplay(id)).matches).toBe(true);
  });

  it('terminates an instance awaiting the supplement when a deadline passes, as done by the system', async () => {
    const { h, id } = await started();
    await finishProcess(h, id);
    h.clock.set('2026-03-09T09:30:00.000Z');
    expect(await h.runtime.fireDueTimers()).toBe(1);
    const ended = await h.runtime.getInstance(id);
    expect(ended).toMatchObject({
      status: 'terminated', endedAt: '2026-03-09T09:30:00.000Z',
      ending: { kind: 'material-overdue', material: '营业执照副本', message: '终止办理：容缺材料“营业执照副本”逾期未补正' },
    });
    expect(ended.awaitingSupplement).toBeUndefined();
    expect(ended.materials!.map((m) => m.status)).toEqual(['overdue', 'missing']);
    expect(applicationStatus(ended)).toBe('terminated');
    const last = (await h.store.listHistory(id)).at(-1)!;
    expect(last).toMatchObject({ actor: SYSTEM_ACTOR, command: { type: 'material.overdue', timerId: `${id}/material/0` } });
    expect(await supplementTimers(h, id)).toEqual([
      { material: '营业执照副本', status: 'fired', dueAt: LICENCE.dueAt },
      { material: '房屋租赁合同', status: 'cancelled', dueAt: LEASE.dueAt },
    ]);
    h.clock.set('2026-03-20T00:00:00.000Z');
    expect(await h.runtime.fireDueTimers()).toBe(0);
    expect((await h.runtime.verifyReplay(id)).matches).toBe(true);
  });

  it('terminates a running process when a deadline passes: its open tasks are cancelled', async () => {
    const { h, id } = await started();
    await h.complete(id, 'accept');
    h.clock.set(LICENCE.dueAt);
    await h.runtime.fireDueTimers();
    const ended = await h.runtime.getInstance(id);
    expect(ended.status).toBe('terminated');
    expect(await h.open(id)).toEqual([]);
    expect((await h.store.listTasks({ instanceId: id, status: 'cancelled' })).map((t) => t.elementId)).toEqual(['approve']);
    expect((await h.store.listHistory(id)).at(-1)!.effects.map((e) => e.type)).toEqual(['task.cancelled', 'material.overdue', 'instance.terminated']);
    expect((await h.runtime.verifyReplay(id)).matches).toBe(true);
  });

  it('cancels the supplement deadlines of an instance that ends otherwise', async () => {
    const { h, id } = await started();
    await h.runtime.terminate(id, '不予受理', { userId: 'clerk' });
    expect((await supplementTimers(h, id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    await expect(h.runtime.supplyMaterial(id, '营业执照副本')).rejects.toMatchObject({ code: 'instance/ended' });
  });

  it('survives snapshot → JSON → restore: another node supplies and completes it', async () => {
    const { h, id } = await started([LICENCE]);
    await finishProcess(h, id);
    const otherNode = new Runtime({ store: h.store, clock: new FakeClock(START), ids: new SequentialIds('other') });
    const stored = await otherNode.getInstance(id);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect((await otherNode.supplyMaterial(id, '营业执照副本')).status).toBe('completed');
    expect((await otherNode.verifyReplay(id)).matches).toBe(true);
  });
});

describe('容缺受理: what is refused, with nothing written', () => {
  it('refuses a second supply of the same material', async () => {
    const { h, id } = await started();
    await h.runtime.supplyMaterial(id, '营业执照副本');
    const revision = (await h.runtime.getInstance(id)).revision;
    await expect(h.runtime.supplyMaterial(id, '营业执照副本')).rejects.toMatchObject({ code: 'material/not-missing' });
    expect((await h.runtime.getInstance(id)).revision).toBe(revision);
  });

  it('refuses a material that was not accepted as missing', async () => {
    const { h, id } = await started();
    await expect(h.runtime.supplyMaterial(id, '身份证')).rejects.toMatchObject({ code: 'material/unknown', message: expect.stringMatching(/^材料“身份证”不在容缺清单中/) });
  });

  it('refuses task and clock commands while the instance only awaits the supplement', async () => {
    const { h, id } = await started();
    await finishProcess(h, id);
    await expect(h.runtime.updateVariables(id, { a: 1 })).rejects.toMatchObject({ code: 'instance/awaiting-supplement' });
    await expect(h.runtime.stopClock(id, { kind: 'correction' })).rejects.toMatchObject({ code: 'instance/awaiting-supplement' });
  });

  it('refuses to fire a supplement deadline once the material is supplied', async () => {
    const { h, id } = await started();
    await h.runtime.supplyMaterial(id, '营业执照副本');
    await expect(h.runtime.fireTimer(`${id}/material/0`)).rejects.toMatchObject({ code: 'timer/not-open' });
  });

  it.each([
    ['a material listed twice', { missingMaterials: [LICENCE, { ...LEASE, material: ' 营业执照副本 ' }] }, 'missingMaterials.1.material'],
    ['a deadline not after the acceptance', { missingMaterials: [{ ...LICENCE, dueAt: START }] }, 'missingMaterials.0.dueAt'],
    ['a deadline that is not an instant', { missingMaterials: [{ ...LICENCE, dueAt: '下周一' }] }, 'missingMaterials.0.dueAt'],
    ['an empty material name', { missingMaterials: [{ ...LICENCE, material: '  ' }] }, 'missingMaterials.0.material'],
    ['a material both missing and committed', { missingMaterials: [LICENCE], commitments: [{ ...COMMITMENT, material: LICENCE.material }] }, 'commitments.0.material'],
    ['a commitment without a signer', { commitments: [{ ...COMMITMENT, signedBy: '' }] }, 'commitments.0.signedBy'],
  ])('refuses to start with %s', async (_name, input, path) => {
    const h = harness(fixtures);
    await h.deploy('user-tasks.bpmn');
    await expect(h.runtime.start('user_tasks', input)).rejects.toMatchObject({ code: 'materials/invalid', details: { path } });
    expect(await h.store.getInstance('i-1')).toBeUndefined();
  });
});
