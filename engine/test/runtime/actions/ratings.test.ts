import { describe, expect, it } from 'vitest';
import { accepted, clerk, FRONT_DESK } from './support.js';

const APPLICANT = { userId: 'applicant-1' };

async function finished() {
  const h = await accepted();
  for (const d of ['market', 'police', 'hrss', 'medical', 'fund']) {
    await h.complete(`${d}_review`, clerk(d));
    await h.complete(`${d}_approve`, clerk(d));
  }
  await h.complete('tax_review', clerk('tax'));
  for (const i of [0, 1, 2]) await h.complete('tax_approve', clerk('tax'), i);
  await h.complete('deliver', FRONT_DESK);
  return h;
}

describe('好差评: ratings and 差评整改', () => {
  it('records a good rating of the finished instance without opening anything', async () => {
    const h = await finished();
    const rated = await h.runtime.rate(h.id, { score: 5, reasons: ['一次办好'], actor: APPLICANT });
    expect(rated.status).toBe('completed');
    expect(rated.ratings).toEqual([{ score: 5, reasons: ['一次办好'], by: 'applicant-1', at: '2026-03-02T01:00:00.000Z' }]);
    expect(await h.openTasks()).toEqual([]);
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('opens a rectification task for the department of a poorly rated task, with its own limit, and closes it when completed', async () => {
    const h = await finished();
    const rated = (await h.store.listTasks({ instanceId: h.id, status: 'completed' })).find((t) => t.elementId === 'police_approve')!;
    const after = await h.runtime.rate(h.id, { score: 2, reasons: ['态度生硬', '多次要求补交材料'], taskId: rated.id, actor: APPLICANT });
    const [task] = await h.openTasks();
    expect(task).toMatchObject({
      id: `${h.id}/rectification/1`, kind: 'rectification', name: '差评整改', department: 'police', timeLimit: '5wd', status: 'open',
      dueAt: '2026-03-09T09:30:00.000Z',
    });
    expect(after.ratings![0]).toMatchObject({ score: 2, taskId: rated.id, department: 'police', rectificationTaskId: task!.id });
    expect((await h.scheduledDeadlines()).filter((d) => d.startsWith(task!.id))).toHaveLength(2);
    await h.runtime.completeTask(task!.id, { actor: clerk('police') });
    expect(await h.store.getTask(task!.id)).toMatchObject({ status: 'completed', completedBy: 'clerk-police' });
    expect(await h.openTasks()).toEqual([]);
    expect((await h.runtime.getInstance(h.id)).status).toBe('completed');
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('turns the rectification light red after the instance has ended', async () => {
    const h = await finished();
    await h.runtime.rate(h.id, { score: 1, reasons: ['超期'], department: 'front-desk', actor: APPLICANT });
    h.clock.set('2026-03-10T00:00:00.000Z');
    expect(await h.runtime.fireDueTimers()).toBe(2);
    expect((await h.lastHistory()).effects.map((e) => e.type)).toEqual(['deadline.due']);
  });

  it.each([
    ['a score outside 1–5', { score: 6, reasons: [] }, 'rating/invalid'],
    ['a poor rating without a reason', { score: 1, reasons: [] }, 'rating/invalid'],
    ['a poor instance rating without a department', { score: 1, reasons: ['差'] }, 'rating/no-department'],
  ])('refuses %s', async (_name, input, code) => {
    const h = await finished();
    const revision = (await h.runtime.getInstance(h.id)).revision;
    await expect(h.runtime.rate(h.id, { ...input, actor: APPLICANT })).rejects.toMatchObject({ code });
    expect((await h.runtime.getInstance(h.id)).revision).toBe(revision);
  });

  it('refuses a second rating of the same thing, and a task that is not completed', async () => {
    const h = await accepted();
    await h.runtime.rate(h.id, { score: 4, actor: APPLICANT });
    await expect(h.runtime.rate(h.id, { score: 3, actor: APPLICANT })).rejects.toMatchObject({ code: 'rating/duplicate' });
    await expect(h.runtime.rate(h.id, { score: 3, taskId: (await h.task('tax_review')).id, actor: APPLICANT })).rejects.toMatchObject({ code: 'rating/not-rateable' });
  });

  it('refuses to complete a rectification twice', async () => {
    const h = await finished();
    await h.runtime.rate(h.id, { score: 1, reasons: ['差'], department: 'front-desk' });
    const [task] = await h.openTasks();
    await h.runtime.completeRectification(task!.id);
    await expect(h.runtime.completeRectification(task!.id)).rejects.toMatchObject({ code: 'task/not-open' });
    const other = (await h.store.listTasks({ instanceId: h.id, status: 'completed' }))[0]!;
    await expect(h.runtime.completeRectification(other.id)).rejects.toMatchObject({ code: 'rectification/unknown' });
  });
});
