import { describe, expect, it } from 'vitest';
import { accepted, clerk } from './support.js';

const MARKET = clerk('market');
const COLLEAGUE = { userId: 'clerk-market-2', department: 'market' };

describe('转办: transfer to another clerk of the department', () => {
  it('records the new clerk on the task and in the history; the token does not move', async () => {
    const h = await accepted();
    const task = await h.task('market_review');
    const open = await h.openTasks();
    const deadlines = await h.scheduledDeadlines();
    await h.runtime.transferTask(task.id, { to: COLLEAGUE.userId, toDepartment: 'market', reason: '休假', actor: MARKET });
    // The deadlines run on: a transfer does not restart the clock.
    expect(await h.scheduledDeadlines()).toEqual(deadlines);
    expect((await h.store.getTask(task.id))!.dueAt).toBe(task.dueAt);
    expect((await h.store.getTask(task.id))!.assignee).toBe(COLLEAGUE.userId);
    expect((await h.openTasks()).map((t) => t.id)).toEqual(open.map((t) => t.id));
    expect(await h.lastHistory()).toMatchObject({
      actor: 'clerk-market', command: { type: 'task.transfer', to: COLLEAGUE.userId, toDepartment: 'market', reason: '休假' },
      effects: [{ type: 'task.transferred', id: task.id }],
    });
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('refuses a clerk of another department, and the clerk who holds it already', async () => {
    const h = await accepted();
    const task = await h.task('market_review');
    await expect(h.runtime.transferTask(task.id, { to: 'clerk-tax', toDepartment: 'tax', actor: MARKET })).rejects.toMatchObject({ code: 'transfer/other-department' });
    await expect(h.runtime.transferTask(task.id, { to: MARKET.userId, toDepartment: 'market', actor: MARKET })).rejects.toMatchObject({ code: 'transfer/same-clerk' });
  });

  it('refuses a closed task', async () => {
    const h = await accepted();
    const task = await h.task('market_review');
    await h.complete('market_review', MARKET);
    await expect(h.runtime.transferTask(task.id, { to: COLLEAGUE.userId, toDepartment: 'market', actor: MARKET })).rejects.toMatchObject({ code: 'task/not-open' });
  });
});

describe('委派: the delegate resolves, the owner completes', () => {
  it('blocks completion until the delegate has resolved, then lets the owner complete', async () => {
    const h = await accepted();
    const task = await h.task('market_review');
    const deadlines = await h.scheduledDeadlines();
    await h.runtime.delegateTask(task.id, { to: COLLEAGUE.userId, actor: MARKET });
    expect((await h.store.getTask(task.id))!.delegation).toMatchObject({ owner: 'clerk-market', delegate: COLLEAGUE.userId, state: 'pending' });
    expect(await h.lastHistory()).toMatchObject({ actor: 'clerk-market', command: { type: 'task.delegate', to: COLLEAGUE.userId }, effects: [{ type: 'task.delegated', id: task.id }] });
    expect(await h.scheduledDeadlines()).toEqual(deadlines);
    await expect(h.runtime.completeTask(task.id, { actor: MARKET })).rejects.toMatchObject({ code: 'task/delegated' });
    await expect(h.runtime.transferTask(task.id, { to: 'x', toDepartment: 'market', actor: MARKET })).rejects.toMatchObject({ code: 'task/delegated' });
    await expect(h.runtime.delegateTask(task.id, { to: 'x', actor: MARKET })).rejects.toMatchObject({ code: 'task/delegated' });
    await expect(h.runtime.resolveTask(task.id, MARKET)).rejects.toMatchObject({ code: 'delegate/not-yours' });
    await h.runtime.resolveTask(task.id, COLLEAGUE);
    expect(await h.lastHistory()).toMatchObject({ actor: COLLEAGUE.userId, command: { type: 'task.resolve' }, effects: [{ type: 'task.resolved', id: task.id }] });
    expect((await h.store.getTask(task.id))!.delegation).toMatchObject({ state: 'resolved', resolvedAt: '2026-03-02T01:00:00.000Z' });
    await h.runtime.completeTask(task.id, { actor: MARKET });
    expect((await h.store.getTask(task.id))!.status).toBe('completed');
  });

  it('refuses to delegate to oneself and to resolve what was not delegated', async () => {
    const h = await accepted();
    const task = await h.task('market_review');
    await expect(h.runtime.delegateTask(task.id, { to: MARKET.userId, actor: MARKET })).rejects.toMatchObject({ code: 'delegate/self' });
    await expect(h.runtime.resolveTask(task.id, COLLEAGUE)).rejects.toMatchObject({ code: 'delegate/not-delegated' });
  });
});

describe('催办 and 抄送', () => {
  it('counts every urge on the task and in the history', async () => {
    const h = await accepted();
    const task = await h.task('tax_review');
    await h.runtime.urgeTask(task.id, { actor: { userId: 'frontdesk' }, reason: '申请人来电' });
    h.clock.advance(3600_000);
    await h.runtime.urgeTask(task.id, { actor: { userId: 'manager' } });
    expect(await h.store.getTask(task.id)).toMatchObject({ urges: 2, lastUrgedAt: '2026-03-02T02:00:00.000Z' });
    const urges = (await h.store.listHistory(h.id)).filter((r) => r.command.type === 'task.urge');
    expect(urges.map((r) => r.actor)).toEqual(['frontdesk', 'manager']);
  });

  it('refuses to urge a closed task', async () => {
    const h = await accepted();
    const task = await h.task('tax_review');
    await h.complete('tax_review', clerk('tax'));
    await expect(h.runtime.urgeTask(task.id)).rejects.toMatchObject({ code: 'task/not-open' });
  });

  it('copies the application to a person and a department, once each', async () => {
    const h = await accepted();
    await h.runtime.copyTo(h.id, { to: { user: 'leader-1' }, actor: MARKET });
    await h.runtime.copyTo(h.id, { to: { department: 'audit-office' }, actor: MARKET });
    expect(await h.lastHistory()).toMatchObject({ actor: 'clerk-market', command: { type: 'instance.copy', to: { department: 'audit-office' } }, effects: [{ type: 'instance.copied', id: 'audit-office' }] });
    expect((await h.runtime.getInstance(h.id)).copies).toEqual([
      { user: 'leader-1', by: 'clerk-market', at: '2026-03-02T01:00:00.000Z' },
      { department: 'audit-office', by: 'clerk-market', at: '2026-03-02T01:00:00.000Z' },
    ]);
    await expect(h.runtime.copyTo(h.id, { to: { user: 'leader-1' } })).rejects.toMatchObject({ code: 'copy/duplicate' });
    await expect(h.runtime.copyTo(h.id, { to: { user: ' ' } })).rejects.toMatchObject({ code: 'copy/invalid' });
  });
});
