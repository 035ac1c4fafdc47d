import { describe, expect, it } from 'vitest';
import { deadlineLight, MemoryStore, RejectedCommandError, Runtime } from '../../src/index.js';
import { createWorkingCalendar } from '../../src/time/calendar/index.js';
import { FakeClock, SequentialIds } from '../../src/testing/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HOUR = 3600_000;
const xml = readFileSync(fileURLToPath(new URL('../constructs/fixtures/deadlines.bpmn', import.meta.url)), 'utf8');
const cst = (local: string) => new Date(`${local}+08:00`).toISOString();

// Office hours 09:00–12:00 and 13:30–17:30 China Standard Time: a working day is 7 h.
// 2026-03-02 is a Monday; no holiday falls in the weeks used here.
async function setUp(source = xml) {
  const store = new MemoryStore();
  const clock = new FakeClock(cst('2026-03-02T09:00:00'));
  const calendar = createWorkingCalendar();
  const runtime = new Runtime({ store, clock, ids: new SequentialIds('i'), calendar });
  await runtime.deploy(source);
  const instance = await runtime.start('deadlines');
  const task = async (elementId: string) => (await store.listTasks({ instanceId: instance.id, status: 'open' })).find((t) => t.elementId === elementId)!;
  return { store, clock, calendar, runtime, instance, task };
}

describe('deadlines of tasks and instances', () => {
  it('gives each task its promised and legal deadline and the 80 % warning instant', async () => {
    const { task, instance } = await setUp();
    const review = await task('review');
    // 1wd from Monday 09:00: Monday is not counted, so the due instant is the end of Tuesday's office hours.
    expect(review.dueAt).toBe(cst('2026-03-03T17:30:00'));
    // Working time Monday 09:00 → Tuesday 17:30 = 14 h; 80 % = 11.2 h: Monday's 7 h, then 4.2 h of Tuesday (3 h to noon, 1.2 h after 13:30).
    expect(review.warnAt).toBe(cst('2026-03-03T14:42:00'));
    // 20wd: Tuesday 3 March is the first working day counted; the 20th is Monday 30 March.
    expect(review.legalDueAt).toBe(cst('2026-03-30T17:30:00'));
    // The application's own limit (5wd on the process): Tuesday … Monday 9 March.
    expect(instance.dueAt).toBe(cst('2026-03-09T17:30:00'));
  });

  it('turns the light yellow and red as its timers fire, and cancels them when the task is done', async () => {
    const { store, clock, runtime, instance, task } = await setUp();
    const review = await task('review');
    expect(deadlineLight(review, clock.now()).light).toBe('green');
    clock.set(cst('2026-03-03T14:42:00'));
    await runtime.fireDueTimers();
    expect(deadlineLight(review, clock.now()).light).toBe('yellow');
    clock.set(cst('2026-03-03T17:30:00'));
    await runtime.fireDueTimers();
    expect(deadlineLight(review, clock.now()).light).toBe('red');
    const effects = (await store.listHistory(instance.id)).flatMap((h) => h.effects.map((e) => `${e.type} ${e.elementId ?? ''}`));
    expect(effects).toEqual(expect.arrayContaining(['deadline.warning review', 'deadline.due review']));
    await runtime.completeTask(review.id);
    const left = (await store.listTimers({ instanceId: instance.id, status: 'scheduled' })).filter((t) => t.deadline?.taskId === review.id);
    expect(left).toEqual([]);
  });

  it('moves every deadline by exactly the working time a 补正 paused it', async () => {
    const { store, clock, calendar, runtime, instance, task } = await setUp();
    const before = await task('review');
    clock.set(cst('2026-03-03T10:00:00'));
    const stopped = await runtime.stopClock(instance.id, { kind: 'correction', reason: '材料不齐，一次性告知补正' });
    const pause = stopped.pauses!.at(-1)!;
    expect(await store.listTimers({ instanceId: instance.id, status: 'scheduled' })).toEqual([]);
    clock.set(cst('2026-03-05T10:00:00'));
    const resumed = await runtime.resumeClock(instance.id, pause.id);
    // Paused: Tuesday 10:00–17:30 (6 h), Wednesday (7 h), Thursday 09:00–10:00 (1 h) = 14 h of working time.
    expect(resumed.pauses!.at(-1)!.pausedMs).toBe(14 * HOUR);
    const after = await task('review');
    expect(after.dueAt).toBe(cst('2026-03-05T17:30:00'));
    expect(calendar.workingMsBetween(new Date(before.dueAt!), new Date(after.dueAt!))).toBe(14 * HOUR);
    expect(calendar.workingMsBetween(new Date(instance.dueAt!), new Date(resumed.dueAt!))).toBe(14 * HOUR);
    expect((await store.listTimers({ instanceId: instance.id, status: 'scheduled' })).length).toBeGreaterThan(0);
  });

  it('stops only the task and the application for an excluded procedure, not the other branch', async () => {
    const { clock, runtime, instance, task } = await setUp();
    const review = await task('review');
    const check = await task('check');
    clock.set(cst('2026-03-02T13:30:00'));
    const stopped = await runtime.stopClock(instance.id, { kind: 'excludedProcedure', taskId: check.id, procedure: '专家评审' });
    clock.set(cst('2026-03-03T13:30:00'));
    await runtime.resumeClock(instance.id, stopped.pauses!.at(-1)!.id);
    expect((await task('review')).dueAt).toBe(review.dueAt);
    // 2wd from Monday: due Wednesday 17:30; paused Monday 13:30 → Tuesday 13:30 = 4 h + 3 h = 7 h: due Thursday 17:30.
    expect((await task('check')).dueAt).toBe(cst('2026-03-05T17:30:00'));
  });

  it('restarts the count after a 补正 when the process says so', async () => {
    const { clock, runtime, instance, task } = await setUp(xml.replace('tb:legalTimeLimit="20wd">', 'tb:legalTimeLimit="20wd" tb:correctionClock="restart">'));
    clock.set(cst('2026-03-03T10:00:00'));
    const stopped = await runtime.stopClock(instance.id, { kind: 'correction' });
    clock.set(cst('2026-03-05T10:00:00'));
    await runtime.resumeClock(instance.id, stopped.pauses!.at(-1)!.id);
    // Counted again from Thursday: Thursday is not counted, the first working day is Friday.
    expect((await task('review')).dueAt).toBe(cst('2026-03-06T17:30:00'));
  });

  it('refuses clock commands that do not apply, and writes nothing', async () => {
    const { runtime, instance } = await setUp();
    await expect(runtime.stopClock(instance.id, { kind: 'excludedProcedure', taskId: 'nope', procedure: '听证' })).rejects.toMatchObject({ code: 'task/not-open' });
    await expect(runtime.resumeClock(instance.id, 'no-such-pause')).rejects.toBeInstanceOf(RejectedCommandError);
    await runtime.stopClock(instance.id, { kind: 'correction' });
    await expect(runtime.stopClock(instance.id, { kind: 'correction' })).rejects.toMatchObject({ code: 'clock/already-stopped' });
    expect((await runtime.getInstance(instance.id)).revision).toBe(2);
    expect((await runtime.verifyReplay(instance.id)).matches).toBe(true);
  });
});

describe('boundary timers written as working-time limits', () => {
  const escalation = readFileSync(fileURLToPath(new URL('../constructs/fixtures/boundary-timers.bpmn', import.meta.url)), 'utf8')
    .replace('>P5D<', '>1wd<');

  it('escalate exactly when the promised working day has passed', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock(cst('2026-03-02T09:00:00'));
    const runtime = new Runtime({ store, clock, ids: new SequentialIds('i'), calendar: createWorkingCalendar() });
    await runtime.deploy(escalation);
    const { id } = await runtime.start('boundary_timers');
    const overdue = (await store.listTimers({ instanceId: id, status: 'scheduled' })).find((t) => t.elementId === 'overdue');
    expect(overdue?.dueAt).toBe(cst('2026-03-03T17:30:00'));
  });

  it('record an incident when the runtime has no calendar to count working time', async () => {
    const store = new MemoryStore();
    const runtime = new Runtime({ store, clock: new FakeClock(), ids: new SequentialIds('i') });
    await runtime.deploy(escalation);
    const started = await runtime.start('boundary_timers');
    expect(started.incidents).toEqual([expect.objectContaining({ elementId: 'overdue', messageEn: expect.stringContaining('calendar'), message: expect.stringContaining('工作日历') })]);
  });
});
