import { describe, expect, it } from 'vitest';
import { accepted, clerk, FRONT_DESK, sixBranches } from './support.js';

describe('撤回: withdraw an application before any department has acted', () => {
  it('ends the application as withdrawn: every task and deadline is cancelled', async () => {
    const h = await accepted();
    const open = await h.openTasks();
    const ended = await h.runtime.withdraw(h.id, { actor: FRONT_DESK, reason: '申请人申请撤回', receivingDepartments: ['front-desk'] });
    expect(ended).toMatchObject({ status: 'terminated', ending: { kind: 'withdrawn', reason: '申请人申请撤回', message: '申请人已撤回申请' } });
    expect(await h.openTasks()).toEqual([]);
    for (const t of open) expect((await h.store.getTask(t.id))!.status).toBe('cancelled');
    expect(await h.scheduledDeadlines()).toEqual([]);
    expect(await h.lastHistory()).toMatchObject({ actor: 'frontdesk', command: { type: 'instance.withdraw', reason: '申请人申请撤回' } });
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('is possible before the front desk has accepted, with no receiving department named', async () => {
    const h = await sixBranches();
    expect((await h.runtime.withdraw(h.id, { actor: { userId: 'applicant' } })).status).toBe('terminated');
  });

  it('refuses once a department has acted', async () => {
    const h = await accepted();
    await h.complete('medical_review', clerk('medical'));
    await expect(h.runtime.withdraw(h.id, { actor: FRONT_DESK, receivingDepartments: ['front-desk'] })).rejects.toMatchObject({ code: 'withdraw/acted' });
  });

  it('counts the front desk\'s acceptance as acting when it is not named as receiving', async () => {
    const h = await accepted();
    await expect(h.runtime.withdraw(h.id, { actor: { userId: 'applicant' } })).rejects.toMatchObject({ code: 'withdraw/acted' });
  });

  it('refuses an application that has ended', async () => {
    const h = await accepted();
    await h.runtime.withdraw(h.id, { actor: FRONT_DESK, receivingDepartments: ['front-desk'] });
    await expect(h.runtime.withdraw(h.id, { actor: FRONT_DESK, receivingDepartments: ['front-desk'] })).rejects.toMatchObject({ code: 'instance/ended' });
  });
});
