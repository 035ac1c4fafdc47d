import { describe, expect, it } from 'vitest';
import { RejectedCommandError } from '../../../src/index.js';
import { accepted, clerk, FRONT_DESK } from './support.js';

const HOUR = 3600_000;

/** A busy moment of the six-branch application: every branch somewhere else. */
async function busy() {
  const h = await accepted();
  await h.complete('market_review', clerk('market'));
  await h.complete('police_review', clerk('police'));
  await h.complete('tax_review', clerk('tax'));
  await h.complete('hrss_review', clerk('hrss'));
  await h.complete('hrss_approve', clerk('hrss'));
  await h.complete('tax_approve', clerk('tax'), 0);
  h.clock.advance(2 * HOUR);
  return h;
}

describe('退回: return to an earlier task', () => {
  it('returns one department\'s branch and leaves the other five branches exactly as they were', async () => {
    const h = await busy();
    const before = await h.openTasks();
    const others = before.filter((t) => !t.elementId.startsWith('market_'));
    const completedBefore = await h.store.listTasks({ instanceId: h.id, status: 'completed' });
    const approve = await h.task('market_approve');

    await h.runtime.returnTask(approve.id, 'market_review', { actor: clerk('market'), reason: '材料与登记信息不一致' });

    const after = await h.openTasks();
    expect(after.filter((t) => !t.elementId.startsWith('market_'))).toEqual(others);
    expect(await h.store.listTasks({ instanceId: h.id, status: 'completed' })).toEqual(completedBefore);
    const review = await h.task('market_review');
    expect(after.map((t) => t.elementId).sort()).toEqual(
      ['fund_review', 'market_review', 'medical_review', 'police_approve', 'tax_approve', 'tax_approve'].sort(),
    );
    expect(review.id).not.toBe(completedBefore.find((t) => t.elementId === 'market_review')!.id);
    // The reopened task's deadlines run from the return: 1 working day from 11:00 on Monday 2 March is the end of Tuesday.
    expect(review).toMatchObject({ createdAt: '2026-03-02T03:00:00.000Z', dueAt: '2026-03-03T09:30:00.000Z' });
    expect((await h.store.getTask(approve.id))!.status).toBe('cancelled');
    const deadlines = await h.scheduledDeadlines();
    expect(deadlines.filter((d) => d.startsWith(approve.id))).toEqual([]);
    expect(deadlines.filter((d) => d.startsWith(review.id))).toHaveLength(3);
    const last = await h.lastHistory();
    expect(last).toMatchObject({
      actor: 'clerk-market', at: '2026-03-02T03:00:00.000Z',
      command: { type: 'task.return', taskId: approve.id, to: 'market_review', reason: '材料与登记信息不一致' },
      effects: [{ type: 'task.opened', id: review.id, elementId: 'market_review' }, { type: 'task.cancelled', id: approve.id, elementId: 'market_approve' }],
    });
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('returns out of a countersign: the open votes are cancelled, the votes cast stay recorded, and the countersign starts anew', async () => {
    const h = await busy();
    const cast = (await h.store.listTasks({ instanceId: h.id, status: 'completed' })).filter((t) => t.elementId === 'tax_approve');
    expect(cast.map((t) => [t.index, t.outcome])).toEqual([[0, 'approve']]);
    const slot = await h.task('tax_approve', 1);
    await h.runtime.returnTask(slot.id, 'tax_review', { actor: clerk('tax'), reason: '需补充核查' });
    expect((await h.openTasks()).filter((t) => t.elementId.startsWith('tax_')).map((t) => t.elementId)).toEqual(['tax_review']);
    expect((await h.store.listTasks({ instanceId: h.id, status: 'cancelled' })).filter((t) => t.elementId === 'tax_approve').map((t) => t.index)).toEqual([1, 2]);
    expect((await h.store.listTasks({ instanceId: h.id, status: 'completed' })).filter((t) => t.elementId === 'tax_approve')).toEqual(cast);
    await h.complete('tax_review', clerk('tax'));
    const slots = (await h.openTasks()).filter((t) => t.elementId === 'tax_approve');
    expect(slots.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(slots.every((t) => !cast.some((c) => c.id === t.id))).toBe(true);
  });

  it('returns out of the parallel block to the front desk: every branch is cancelled', async () => {
    const h = await busy();
    await h.runtime.returnTask((await h.task('police_approve')).id, 'accept', { actor: clerk('police') });
    expect((await h.openTasks()).map((t) => t.elementId)).toEqual(['accept']);
    expect(await h.scheduledDeadlines()).toEqual(expect.arrayContaining([expect.stringContaining('/accept/')]));
    expect((await h.scheduledDeadlines()).every((d) => d.includes('/accept/') || d.includes('/instance/'))).toBe(true);
    await h.complete('accept', FRONT_DESK);
    expect((await h.openTasks()).map((t) => t.elementId).sort()).toEqual(['fund_review', 'hrss_review', 'market_review', 'medical_review', 'police_review', 'tax_review']);
  });

  it.each([
    ['a later task', 'market_review', 'market_approve'],
    ['a task of another branch', 'market_approve', 'police_review'],
    ['a task that is not a user task', 'market_approve', 'fork'],
    ['an unknown element', 'market_approve', 'nowhere'],
  ])('refuses a return to %s, writing nothing', async (_name, from, to) => {
    const h = await accepted();
    if (from === 'market_approve') await h.complete('market_review', clerk('market'));
    const source = await h.task(from);
    const revision = (await h.runtime.getInstance(h.id)).revision;
    const error = await h.runtime.returnTask(source.id, to, { actor: clerk('market') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedCommandError);
    expect((error as RejectedCommandError).code).toBe('return/not-earlier');
    expect((await h.runtime.getInstance(h.id)).revision).toBe(revision);
  });

  it('refuses to return a task that has moved on', async () => {
    const h = await accepted();
    const review = await h.task('market_review');
    await h.complete('market_review', clerk('market'));
    await expect(h.runtime.returnTask(review.id, 'accept', { actor: clerk('market') })).rejects.toMatchObject({ code: 'task/not-open' });
  });
});

describe('退回 on a path a gateway chose', () => {
  it('refuses a return to a task the instance never ran', async () => {
    const { readFileSync } = await import('node:fs');
    const { MemoryStore, Runtime } = await import('../../../src/index.js');
    const { FakeClock, SequentialIds } = await import('../../../src/testing/index.js');
    const store = new MemoryStore();
    const runtime = new Runtime({ store, clock: new FakeClock(), ids: new SequentialIds('e') });
    await runtime.deploy(readFileSync(new URL('./fixtures/either-or.bpmn', import.meta.url), 'utf8'));
    const { id } = await runtime.start('either_or', { variables: { simple: true } });
    const [a] = await store.listTasks({ instanceId: id, status: 'open' });
    await runtime.completeTask(a!.id);
    const [c] = await store.listTasks({ instanceId: id, status: 'open' });
    await expect(runtime.returnTask(c!.id, 'b')).rejects.toMatchObject({ code: 'return/not-run' });
    const back = await runtime.returnTask(c!.id, 'a', { reason: '重新审查' });
    expect(back.status).toBe('active');
    expect((await store.listTasks({ instanceId: id, status: 'open' })).map((t) => t.elementId)).toEqual(['a']);
  });
});
