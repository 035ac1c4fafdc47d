import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sixBranchServer, type Result, type SixBranchServer } from './support.js';

let t: SixBranchServer;
beforeAll(async () => { t = await sixBranchServer(); });
afterAll(() => t.dispose());

const auditOf = async (id: string) =>
  (await t.admin.get<{ items: { action: string; actor?: string; target?: string; details?: Record<string, unknown> }[] }>(`/api/audit?instanceId=${encodeURIComponent(id)}&limit=100`)).body.items;

describe('POST /api/tasks/:id/return (退回)', () => {
  it('returns one department\'s branch; the other five branches keep their open and finished tasks', async () => {
    const id = await t.accepted();
    await t.complete(t.clerks.market, id, 'market_review');
    await t.complete(t.clerks.police, id, 'police_review');
    const approve = await t.openOf(id, 'market_approve');
    const before = (await t.tasks(id)).filter((x) => !x.elementId.startsWith('market_'));
    const res = await t.clerks.market.post<Result>(t.path(approve.id, 'return'), { to: 'market_review', reason: '经营范围表述不规范' });
    expect(res.status, res.text).toBe(200);
    expect((await t.tasks(id)).filter((x) => !x.elementId.startsWith('market_'))).toEqual(before);
    const market = (await t.open(id)).filter((x) => x.elementId.startsWith('market_'));
    expect(market.map((x) => x.elementId)).toEqual(['market_review']);
    expect(res.body.openTasks.map((x) => x.elementId)).toEqual(['market_review']);
    const audit = (await auditOf(id)).find((a) => a.action === 'instance.task.return');
    expect(audit).toMatchObject({ actor: await t.userId(t.clerks.market), target: approve.id, details: { to: 'market_review', reason: '经营范围表述不规范' } });
  });

  it('refuses a clerk of another department (403), a later task and a closed task (409)', async () => {
    const id = await t.accepted();
    const review = await t.openOf(id, 'market_review');
    expect((await t.clerks.tax.post(t.path(review.id, 'return'), { to: 'accept', reason: 'x' })).status).toBe(404);
    const later = await t.clerks.market.post<Result>(t.path(review.id, 'return'), { to: 'market_approve', reason: 'x' });
    expect(later.status).toBe(409);
    expect(later.body.reason).toBe('return/not-earlier');
    await t.complete(t.clerks.market, id, 'market_review');
    const closed = await t.clerks.market.post<Result>(t.path(review.id, 'return'), { to: 'accept', reason: 'x' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('task/not-open');
  });

  it('answers exactly one of two clerks returning and completing the same task at once; the other gets 409', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await t.accepted();
      const review = await t.openOf(id, 'market_review');
      const [returned, completed] = await Promise.all([
        t.clerks.market.post(t.path(review.id, 'return'), { to: 'accept', reason: '退回窗口' }),
        t.market2.post(t.path(review.id, 'complete'), {}),
      ]);
      expect([returned.status, completed.status].sort()).toEqual([200, 409]);
      const open = (await t.open(id)).map((x) => x.elementId);
      if (returned.status === 200) expect(open).toEqual(['accept']);
      else expect(open).toContain('market_approve');
    }
  });
});

describe('POST /api/tasks/:id/take-back (拿回)', () => {
  it('reopens the task for the clerk who completed it while the next tasks are unclaimed', async () => {
    const id = await t.accepted();
    const accept = (await t.tasks(id)).find((x) => x.elementId === 'accept')!;
    const res = await t.frontdesk.post<Result>(t.path(accept.id, 'take-back'));
    expect(res.status, res.text).toBe(200);
    const open = await t.open(id);
    expect(open.map((x) => x.elementId)).toEqual(['accept']);
    expect(open[0]!.assignee).toBe(await t.userId(t.frontdesk));
  });

  it('refuses once a next task is claimed, and for a clerk who did not complete it', async () => {
    const id = await t.accepted();
    const accept = (await t.tasks(id)).find((x) => x.elementId === 'accept')!;
    expect((await t.clerks.tax.post(t.path((await t.openOf(id, 'tax_review')).id, 'claim'))).status).toBe(200);
    const res = await t.frontdesk.post<Result>(t.path(accept.id, 'take-back'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('task/claimed-by-other');
    expect((await t.open(id))).toHaveLength(6);
    await t.complete(t.clerks.market, id, 'market_review');
    const review = (await t.tasks(id)).find((x) => x.elementId === 'market_review')!;
    const notYours = await t.market2.post<Result>(t.path(review.id, 'take-back'));
    expect(notYours.status).toBe(409);
    expect(notYours.body.reason).toBe('take-back/not-yours');
  });

  it('races the next clerk\'s claim: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await t.accepted();
      const accept = (await t.tasks(id)).find((x) => x.elementId === 'accept')!;
      const next = await t.openOf(id, 'police_review');
      const [takeBack, claim] = await Promise.all([
        t.frontdesk.post(t.path(accept.id, 'take-back')),
        t.clerks.police.post(t.path(next.id, 'claim')),
      ]);
      expect([takeBack.status, claim.status].sort()).toEqual([200, 409]);
      const open = await t.open(id);
      if (takeBack.status === 200) {
        expect(open.map((x) => x.elementId)).toEqual(['accept']);
      } else {
        expect(open.find((x) => x.elementId === 'police_review')!.assignee).toBe(await t.userId(t.clerks.police));
      }
    }
  });
});

describe('POST /api/instances/:id/withdraw (撤回)', () => {
  it('withdraws an application no department has acted on', async () => {
    const id = await t.accepted();
    const res = await t.frontdesk.post<Result>(`/api/instances/${encodeURIComponent(id)}/withdraw`, { reason: '申请人书面申请撤回' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'terminated', applicationStatus: 'terminated', openTasks: [] });
    expect((await t.server.services.runtime.getInstance(id)).ending).toMatchObject({ kind: 'withdrawn', reason: '申请人书面申请撤回' });
  });

  it('refuses once a department has completed or claimed a task, and refuses clerks', async () => {
    const id = await t.accepted();
    expect((await t.clerks.police.post(`/api/instances/${encodeURIComponent(id)}/withdraw`, { reason: 'x' })).status).toBe(403);
    expect((await t.clerks.hrss.post(t.path((await t.openOf(id, 'hrss_review')).id, 'claim'))).status).toBe(200);
    const claimed = await t.frontdesk.post<Result>(`/api/instances/${encodeURIComponent(id)}/withdraw`, { reason: 'x' });
    expect(claimed.status).toBe(409);
    expect(claimed.body.reason).toBe('withdraw/acted');
    const other = await t.accepted();
    await t.complete(t.clerks.hrss, other, 'hrss_review');
    const acted = await t.frontdesk.post<Result>(`/api/instances/${encodeURIComponent(other)}/withdraw`, { reason: 'x' });
    expect(acted.status).toBe(409);
    expect(acted.body.reason).toBe('withdraw/acted');
  });
});

describe('转办, 委派, 加签/减签, 催办, 抄送', () => {
  it('transfers a task to a clerk of the same department, who then holds and completes it', async () => {
    const id = await t.accepted();
    const review = await t.openOf(id, 'market_review');
    expect((await t.clerks.market.post(t.path(review.id, 'claim'))).status).toBe(200);
    const res = await t.clerks.market.post<Result>(t.path(review.id, 'transfer'), { to: 'clerk-market-2', reason: '出差' });
    expect(res.status, res.text).toBe(200);
    expect((await t.openOf(id, 'market_review')).assignee).toBe(await t.userId(t.market2));
    expect((await t.clerks.market.post(t.path(review.id, 'complete'), {})).status).toBe(409);
    expect((await t.market2.post(t.path(review.id, 'complete'), {})).status).toBe(200);
  });

  it('refuses a transfer to another department\'s clerk (409) or to nobody (404)', async () => {
    const id = await t.accepted();
    const review = await t.openOf(id, 'market_review');
    const other = await t.clerks.market.post<Result>(t.path(review.id, 'transfer'), { to: 'clerk-tax' });
    expect(other.status).toBe(409);
    expect(other.body.reason).toBe('transfer/other-department');
    expect((await t.clerks.market.post(t.path(review.id, 'transfer'), { to: 'nobody' })).status).toBe(404);
  });

  it('delegates: the owner cannot complete until the delegate resolves', async () => {
    const id = await t.accepted();
    const review = await t.openOf(id, 'market_review');
    expect((await t.clerks.market.post(t.path(review.id, 'claim'))).status).toBe(200);
    expect((await t.clerks.market.post(t.path(review.id, 'delegate'), { to: 'clerk-market-2' })).status).toBe(200);
    const early = await t.clerks.market.post<Result>(t.path(review.id, 'complete'), {});
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe('task/delegated');
    const notDelegate = await t.clerks.market.post<Result>(t.path(review.id, 'resolve'));
    expect(notDelegate.body.reason).toBe('delegate/not-yours');
    expect((await t.market2.post(t.path(review.id, 'resolve'))).status).toBe(200);
    expect((await t.clerks.market.post(t.path(review.id, 'complete'), {})).status).toBe(200);
  });

  it('adds and removes countersign signers', async () => {
    const id = await t.accepted();
    await t.complete(t.clerks.tax, id, 'tax_review');
    const slots = () => t.open(id).then((o) => o.filter((x) => x.elementId === 'tax_approve'));
    const [first] = await slots();
    const added = await t.clerks.tax.post<Result>(t.path(first!.id, 'signers'), { signers: ['d'] });
    expect(added.status, added.text).toBe(200);
    expect(await slots()).toHaveLength(4);
    expect((await t.clerks.tax.post(t.path(first!.id, 'signers/remove'), { index: 3 })).status).toBe(200);
    expect(await slots()).toHaveLength(3);
    expect((await t.clerks.market.post(t.path(first!.id, 'signers'), { signers: ['e'] })).status).toBe(404);
    const voted = await t.clerks.tax.post<Result>(t.path(first!.id, 'signers/remove'), { index: 9 });
    expect(voted.body.reason).toBe('signers/unknown');
  });

  it('counts urges from the front desk and managers; clerks may not urge', async () => {
    const id = await t.accepted();
    const review = await t.openOf(id, 'housing_fund_review');
    expect((await t.frontdesk.post(t.path(review.id, 'urge'), { reason: '申请人来电催问' })).status).toBe(200);
    const manager = await t.server.signIn('manager');
    expect((await manager.post(t.path(review.id, 'urge'), {})).status).toBe(200);
    expect((await t.clerks.market.post(t.path(review.id, 'urge'), {})).status).toBe(403);
    expect((await t.server.services.store.getTask(review.id))!.urges).toBe(2);
  });

  it('copies the application to a person or a department, once each', async () => {
    const id = await t.accepted();
    const url = `/api/instances/${encodeURIComponent(id)}/copies`;
    expect((await t.frontdesk.post(url, { user: 'manager' })).status).toBe(200);
    expect((await t.frontdesk.post(url, { department: 'tax' })).status).toBe(200);
    const again = await t.frontdesk.post<Result>(url, { department: 'tax' });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('copy/duplicate');
    expect((await t.frontdesk.post(url, { user: 'nobody' })).status).toBe(404);
    expect((await t.frontdesk.post(url, { department: 'nowhere' })).status).toBe(404);
    expect((await t.server.services.runtime.getInstance(id)).copies?.map((c) => c.department ?? 'user')).toEqual(['user', 'tax']);
  });
});

describe('POST /api/instances/:id/ratings (好差评)', () => {
  it('opens a rectification task for a poorly rated department, which its clerk sees and completes', async () => {
    const id = await t.accepted();
    await t.complete(t.clerks.police, id, 'police_review');
    const rated = (await t.tasks(id)).find((x) => x.elementId === 'police_review')!;
    const res = await t.frontdesk.post<Result>(`/api/instances/${encodeURIComponent(id)}/ratings`, { score: 1, reasons: ['办理时间过长'], taskId: rated.id });
    expect(res.status, res.text).toBe(200);
    const pool = await t.clerks.police.get<{ items: { id: string; elementId: string }[] }>(`/api/tasks?status=open&instanceId=${encodeURIComponent(id)}`);
    const rectification = pool.body.items.find((x) => x.elementId === 'rectification');
    expect(rectification).toBeDefined();
    const manager = await t.server.signIn('manager');
    expect((await manager.get<{ items: { id: string }[] }>(`/api/tasks?status=open&instanceId=${encodeURIComponent(id)}&limit=100`)).body.items.map((x) => x.id)).toContain(rectification!.id);
    expect((await t.clerks.police.post(t.path(rectification!.id, 'complete'), { comment: '已约谈经办人并整改' })).status).toBe(200);
    const again = await t.frontdesk.post<Result>(`/api/instances/${encodeURIComponent(id)}/ratings`, { score: 3, taskId: rated.id });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('rating/duplicate');
    expect((await t.clerks.police.post(`/api/instances/${encodeURIComponent(id)}/ratings`, { score: 5 })).status).toBe(403);
  });
});
