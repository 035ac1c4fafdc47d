import { describe, expect, it } from 'vitest';
import { ConflictError, RejectedCommandError, Runtime } from '../../../src/index.js';
import { SequentialIds } from '../../../src/testing/index.js';
import { accepted, clerk, FRONT_DESK } from './support.js';

/** A second server node over the same store: its own cache, the same revisions. */
const otherNode = (h: Awaited<ReturnType<typeof accepted>>) => new Runtime({ store: h.store, clock: h.clock, ids: new SequentialIds('n2'), calendar: h.calendar });

describe('actions racing on one task', () => {
  it('lets exactly one of a return and a completion of the same task win; the loser writes nothing', async () => {
    const h = await accepted();
    const review = await h.task('market_review');
    const revision = (await h.runtime.getInstance(h.id)).revision;
    const results = await Promise.allSettled([
      h.runtime.returnTask(review.id, 'accept', { actor: clerk('market'), reason: '退回窗口' }),
      otherNode(h).completeTask(review.id, { actor: { userId: 'clerk-market-2' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect((await h.runtime.getInstance(h.id)).revision).toBe(revision + 1);
    // Tried again on the new state, the loser finds the task gone.
    const retry = results[0]!.status === 'rejected'
      ? h.runtime.returnTask(review.id, 'accept', { actor: clerk('market') })
      : otherNode(h).completeTask(review.id, { actor: { userId: 'clerk-market-2' } });
    await expect(retry).rejects.toMatchObject({ code: 'task/not-open' });
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('lets exactly one of a take back and the next clerk\'s completion win', async () => {
    const h = await accepted();
    const accept = (await h.store.listTasks({ instanceId: h.id, status: 'completed' })).find((t) => t.elementId === 'accept')!;
    const next = await h.task('tax_review');
    const results = await Promise.allSettled([
      h.runtime.takeBack(accept.id, FRONT_DESK),
      otherNode(h).completeTask(next.id, { actor: clerk('tax') }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason instanceof ConflictError || lost.reason instanceof RejectedCommandError).toBe(true);
    const open = (await h.openTasks()).map((t) => t.elementId);
    if (results[0]!.status === 'fulfilled') expect(open).toEqual(['accept']);
    else expect(open).toContain('tax_approve');
  });
});
