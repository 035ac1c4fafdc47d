import { describe, expect, it } from 'vitest';
import { accepted, clerk, FRONT_DESK, sixBranches } from './support.js';

describe('拿回: take back a task just completed', () => {
  it('takes back the front desk\'s acceptance while no department has acted: the six reviews are cancelled', async () => {
    const h = await sixBranches();
    const accept = await h.task('accept');
    await h.complete('accept', FRONT_DESK);
    const reviews = await h.openTasks();
    expect(reviews).toHaveLength(6);
    await h.runtime.takeBack(accept.id, FRONT_DESK);
    const open = await h.openTasks();
    expect(open.map((t) => t.elementId)).toEqual(['accept']);
    expect(open[0]!.id).not.toBe(accept.id);
    for (const r of reviews) expect((await h.store.getTask(r.id))!.status).toBe('cancelled');
    expect((await h.store.getTask(accept.id))!.status).toBe('completed');
    expect(await h.scheduledDeadlines()).toEqual(expect.arrayContaining([`${open[0]!.id}/deadline/due@3`]));
    expect((await h.scheduledDeadlines()).filter((d) => reviews.some((r) => d.startsWith(r.id)))).toEqual([]);
    expect(await h.lastHistory()).toMatchObject({ actor: 'frontdesk', command: { type: 'task.takeBack', taskId: accept.id, elementId: 'accept' } });
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('takes back inside one branch and leaves the other branches as they were', async () => {
    const h = await accepted();
    await h.complete('police_review', clerk('police'));
    const review = await h.task('market_review');
    await h.complete('market_review', clerk('market'));
    const others = (await h.openTasks()).filter((t) => !t.elementId.startsWith('market_'));
    await h.runtime.takeBack(review.id, clerk('market'));
    const open = await h.openTasks();
    expect(open.filter((t) => !t.elementId.startsWith('market_'))).toEqual(others);
    expect(open.filter((t) => t.elementId.startsWith('market_')).map((t) => t.elementId)).toEqual(['market_review']);
  });

  it('refuses when another clerk completed the task', async () => {
    const h = await sixBranches();
    const accept = await h.task('accept');
    await h.complete('accept', FRONT_DESK);
    await expect(h.runtime.takeBack(accept.id, { userId: 'someone-else' })).rejects.toMatchObject({ code: 'take-back/not-yours' });
    await expect(h.runtime.takeBack(accept.id)).rejects.toMatchObject({ code: 'take-back/not-yours' });
  });

  it('refuses once the next step has acted', async () => {
    const h = await sixBranches();
    const accept = await h.task('accept');
    await h.complete('accept', FRONT_DESK);
    await h.complete('fund_review', clerk('fund'));
    const revision = (await h.runtime.getInstance(h.id)).revision;
    await expect(h.runtime.takeBack(accept.id, FRONT_DESK)).rejects.toMatchObject({ code: 'take-back/moved-on' });
    expect((await h.runtime.getInstance(h.id)).revision).toBe(revision);
  });

  it('refuses a task that is still open', async () => {
    const h = await sixBranches();
    await expect(h.runtime.takeBack((await h.task('accept')).id, FRONT_DESK)).rejects.toMatchObject({ code: 'task/not-completed' });
  });

  it('refuses a countersign vote', async () => {
    const h = await accepted();
    await h.complete('tax_review', clerk('tax'));
    const slot = await h.task('tax_approve', 0);
    await h.complete('tax_approve', clerk('tax'), 0);
    await expect(h.runtime.takeBack(slot.id, clerk('tax'))).rejects.toMatchObject({ code: 'take-back/countersign' });
  });

  it('refuses the last branch of a block once the block has been left', async () => {
    const h = await accepted();
    for (const d of ['market', 'police', 'hrss', 'medical', 'fund']) {
      await h.complete(`${d}_review`, clerk(d));
      await h.complete(`${d}_approve`, clerk(d));
    }
    await h.complete('tax_review', clerk('tax'));
    for (const i of [0, 1]) await h.complete('tax_approve', clerk('tax'), i);
    const last = await h.task('tax_approve', 2);
    await h.complete('tax_approve', clerk('tax'), 2);
    expect((await h.openTasks()).map((t) => t.elementId)).toEqual(['deliver']);
    await expect(h.runtime.takeBack(last.id, clerk('tax'))).rejects.toMatchObject({ code: 'take-back/countersign' });
    const approve = (await h.store.listTasks({ instanceId: h.id, status: 'completed' })).find((t) => t.elementId === 'fund_approve')!;
    await expect(h.runtime.takeBack(approve.id, clerk('fund'))).rejects.toMatchObject({ code: 'command/not-applicable' });
  });
});
