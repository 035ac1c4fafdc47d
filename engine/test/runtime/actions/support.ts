import { readFileSync } from 'node:fs';
import { createWorkingCalendar, MemoryStore, Runtime, type Actor, type TaskRecord } from '../../../src/index.js';
import { FakeClock, SequentialIds } from '../../../src/testing/index.js';

export const SIX_BRANCHES = readFileSync(new URL('./fixtures/six-branches.bpmn', import.meta.url), 'utf8');
export const DEPARTMENTS = ['market', 'police', 'tax', 'hrss', 'medical', 'fund'] as const;
export const clerk = (department: string): Actor => ({ userId: `clerk-${department}`, department });
export const FRONT_DESK: Actor = { userId: 'frontdesk', department: 'front-desk' };

/** A runtime with the working-day calendar (so tasks get deadlines) over a memory store, and the six-branch "one thing" deployed. */
export async function sixBranches() {
  const store = new MemoryStore();
  const clock = new FakeClock('2026-03-02T01:00:00.000Z');
  const calendar = createWorkingCalendar();
  const runtime = new Runtime({ store, clock, ids: new SequentialIds('i'), calendar });
  await runtime.deploy(SIX_BRANCHES);
  const { id } = await runtime.start('six_branches', { variables: { taxSigners: ['a', 'b', 'c'] }, actor: FRONT_DESK });
  const openTasks = async () => (await store.listTasks({ instanceId: id, status: 'open' })).slice().sort((a, b) => a.id.localeCompare(b.id));
  const task = async (elementId: string, index?: number): Promise<TaskRecord> => {
    const found = (await openTasks()).filter((t) => t.elementId === elementId && (index === undefined || t.index === index));
    if (found.length !== 1) throw new Error(`expected one open ${elementId}, found ${found.length}`);
    return found[0]!;
  };
  const complete = async (elementId: string, actor: Actor, index?: number) => runtime.completeTask((await task(elementId, index)).id, { actor });
  const lastHistory = async () => (await store.listHistory(id)).at(-1)!;
  const scheduledDeadlines = async () => (await store.listTimers({ instanceId: id, status: 'scheduled' })).filter((t) => t.deadline).map((t) => t.id).sort();
  return { store, clock, calendar, runtime, id, openTasks, task, complete, lastHistory, scheduledDeadlines };
}

/** Accepted at the front desk: six review tasks open. */
export async function accepted() {
  const h = await sixBranches();
  await h.complete('accept', FRONT_DESK);
  return h;
}
