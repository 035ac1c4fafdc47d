import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryStore, Runtime } from '../../../src/index.js';
import { FakeClock, SequentialIds } from '../../../src/testing/index.js';
import { accepted, clerk } from './support.js';

const TAX = clerk('tax');

async function atCountersign() {
  const h = await accepted();
  await h.complete('tax_review', TAX);
  const slots = async () => (await h.openTasks()).filter((t) => t.elementId === 'tax_approve');
  const vote = async (index: number) => h.complete('tax_approve', TAX, index);
  return { ...h, slots, vote };
}

describe('加签 / 减签 on a countersign (会签, all must approve)', () => {
  it('adds a signer beside the others: a new slot opens, the others keep their tasks, and all four must approve', async () => {
    const h = await atCountersign();
    const before = await h.slots();
    const others = (await h.openTasks()).filter((t) => t.elementId !== 'tax_approve');
    await h.runtime.addSigners(before[0]!.id, { signers: ['d'], actor: TAX });
    const after = await h.slots();
    expect(after.map((t) => [t.index, t.signer])).toEqual([[0, 'a'], [1, 'b'], [2, 'c'], [3, 'd']]);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]!.dueAt).toBeDefined();
    expect((await h.openTasks()).filter((t) => t.elementId !== 'tax_approve')).toEqual(others);
    expect(await h.lastHistory()).toMatchObject({ actor: 'clerk-tax', command: { type: 'task.addSigners', signers: ['d'] }, effects: [{ type: 'task.opened', id: after[3]!.id }] });
    for (const i of [0, 1, 2]) await h.vote(i);
    expect((await h.slots()).map((t) => t.index)).toEqual([3]);
    await h.vote(3);
    expect(await h.slots()).toEqual([]);
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  it('removes an unvoted signer: its task is cancelled and the rule, decided over the rest, completes the countersign', async () => {
    const h = await atCountersign();
    await h.vote(0);
    await h.vote(1);
    const [last] = await h.slots();
    await h.runtime.removeSigner(last!.id, 2, TAX);
    expect(await h.slots()).toEqual([]);
    expect((await h.store.getTask(last!.id))!.status).toBe('cancelled');
    expect((await h.runtime.getVariables(h.id)).tax_approveOutcome).toBe('approved');
    expect((await h.runtime.verifyReplay(h.id)).matches).toBe(true);
  });

  type H = Awaited<ReturnType<typeof atCountersign>>;
  const slot = async (h: H) => (await h.slots())[0]!.id;
  it.each<[string, (h: H) => Promise<unknown>, (h: H) => Promise<unknown>, string]>([
    ['a signer who has voted', (h) => h.vote(0), async (h) => h.runtime.removeSigner(await slot(h), 0, TAX), 'signers/voted'],
    ['a signer who is not there', async () => undefined, async (h) => h.runtime.removeSigner(await slot(h), 7, TAX), 'signers/unknown'],
    ['the last signer', async (h) => {
      await h.runtime.removeSigner(await slot(h), 0, TAX);
      await h.runtime.removeSigner(await slot(h), 1, TAX);
    }, async (h) => h.runtime.removeSigner(await slot(h), 2, TAX), 'signers/last'],
    ['no signers to add', async () => undefined, async (h) => h.runtime.addSigners(await slot(h), { signers: [], actor: TAX }), 'signers/invalid'],
    ['a signer put before the current one on a parallel countersign', async () => undefined, async (h) => h.runtime.addSigners(await slot(h), { signers: ['d'], position: 'before', actor: TAX }), 'signers/position'],
    ['a task that is not a countersign', async () => undefined, async (h) => h.runtime.addSigners((await h.task('market_review')).id, { signers: ['d'], actor: TAX }), 'signers/not-countersign'],
  ])('refuses %s, writing nothing', async (_name, setup, act, code) => {
    const h = await atCountersign();
    await setup(h);
    const revision = (await h.runtime.getInstance(h.id)).revision;
    await expect(act(h)).rejects.toMatchObject({ code });
    expect((await h.runtime.getInstance(h.id)).revision).toBe(revision);
  });
});

describe('加签 on a sequential countersign', () => {
  async function sequential() {
    const store = new MemoryStore();
    const runtime = new Runtime({ store, clock: new FakeClock(), ids: new SequentialIds('s') });
    await runtime.deploy(readFileSync(new URL('./fixtures/sequential-sign.bpmn', import.meta.url), 'utf8'));
    const { id } = await runtime.start('sequential_sign', { variables: { signers: ['a', 'b', 'c'] } });
    const open = async () => (await store.listTasks({ instanceId: id, status: 'open' })).map((t) => t.signer ?? t.elementId);
    const next = async () => runtime.completeTask((await store.listTasks({ instanceId: id, status: 'open' }))[0]!.id);
    const current = async () => (await store.listTasks({ instanceId: id, status: 'open' }))[0]!;
    return { runtime, open, next, current, id };
  }

  it('puts a signer before the current one: the current task waits until the new signer has signed', async () => {
    const s = await sequential();
    await s.next();
    expect(await s.open()).toEqual(['b']);
    const b = await s.current();
    await s.runtime.addSigners(b.id, { signers: ['x'], position: 'before' });
    expect(await s.open()).toEqual(['x']);
    const order: unknown[] = [];
    while ((await s.open())[0] !== 'issue') { order.push((await s.open())[0]); await s.next(); }
    expect(order).toEqual(['x', 'b', 'c']);
    expect((await s.runtime.verifyReplay(s.id)).matches).toBe(true);
  });

  it('puts a signer right after the current one', async () => {
    const s = await sequential();
    await s.runtime.addSigners((await s.current()).id, { signers: ['y'], position: 'after' });
    const order: unknown[] = [];
    while ((await s.open())[0] !== 'issue') { order.push((await s.open())[0]); await s.next(); }
    expect(order).toEqual(['a', 'y', 'b', 'c']);
  });
});
