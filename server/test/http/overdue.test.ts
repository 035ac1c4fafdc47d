import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@tongban/engine/testing';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';

interface Task { id: string; elementId: string; light: string; dueAt?: string; remainingWorkingMs?: number; status: string }
interface Page<T> { items: T[]; total: number }

// Monday 2026-03-02, 09:00 China Standard Time: the front desk's task has 4 working hours (4wh).
const clock = new FakeClock('2026-03-02T01:00:00.000Z');
let server: TestServer;
let frontdesk: ApiClient;
let manager: ApiClient;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ clock });
});

/** Moves time; sessions idle past their timeout meanwhile, so everyone signs in again, as they would. */
async function at(instant: string): Promise<void> {
  clock.set(instant);
  [frontdesk, manager, admin] = await Promise.all([server.signIn('frontdesk'), server.signIn('manager'), server.signIn('admin')]);
}
afterAll(() => server.dispose());

async function acceptTask(instanceId: string): Promise<Task> {
  const page = await frontdesk.get<Page<Task>>(`/api/tasks?instanceId=${instanceId}`);
  expect(page.status, page.text).toBe(200);
  return page.body.items[0]!;
}

describe('overdue escalation, driven by the deadline timers', () => {
  it('turns the light yellow, then red, when the scheduler fires the timers at their working-time instants', async () => {
    await at('2026-03-02T01:00:00.000Z');
    const started = await frontdesk.post<{ id: string }>('/api/instances', { processId: 'open_company' });
    expect(started.status).toBe(201);
    let task = await acceptTask(started.body.id);
    // 4 working hours from 09:00: 09:00–12:00 and 13:30–14:30.
    expect(task.dueAt).toBe('2026-03-02T06:30:00.000Z');
    expect(task.light).toBe('green');

    // 13:30: 3 of 4 working hours gone, under the 80 % warning share; nothing is due yet.
    await at('2026-03-02T05:30:00.000Z');
    await server.scheduler.runOnce();
    expect((await acceptTask(started.body.id)).light).toBe('green');

    // 14:00: 3.5 h of 4 h: past 80 %, yellow.
    await at('2026-03-02T06:00:00.000Z');
    await server.scheduler.runOnce();
    expect((await acceptTask(started.body.id)).light).toBe('yellow');

    // 15:30: an hour past due: red, in the manager's overdue list, and the department's inbox puts it first.
    await at('2026-03-02T07:30:00.000Z');
    const fired = await server.scheduler.runOnce();
    expect(fired.timersFired).toBeGreaterThanOrEqual(1);
    task = await acceptTask(started.body.id);
    expect(task.light).toBe('red');
    expect(task.remainingWorkingMs).toBe(-3_600_000);
    const overdue = await manager.get<Page<Task>>('/api/tasks?light=red');
    expect(overdue.body.items.map((t) => t.id)).toContain(task.id);
    const inbox = await frontdesk.get<Page<Task>>('/api/tasks?view=pool');
    expect(inbox.body.items[0]?.light).toBe('red');

    // The escalation is the system's act, in the audit trail.
    const audit = await admin.get<{ items: { action: string; actor?: string }[] }>(`/api/audit?instanceId=${started.body.id}&limit=100`);
    const reached = audit.body.items.filter((a) => a.action === 'instance.deadline.reach');
    expect(reached.length).toBeGreaterThanOrEqual(2);
    expect(reached.every((a) => a.actor === undefined)).toBe(true);

    // Firing again changes nothing: every timer fired once.
    expect((await server.scheduler.runOnce()).timersFired).toBe(0);
  });

  it('does not count the weekend: a task opened Friday 14:30 turns yellow Monday 09:12 and red at 10:00', async () => {
    await at('2026-03-06T06:30:00.000Z'); // Friday 14:30
    const started = await frontdesk.post<{ id: string }>('/api/instances', { processId: 'open_company' });
    const task = await acceptTask(started.body.id);
    // 14:30–17:30 Friday is 3 h; the fourth hour is Monday 09:00–10:00.
    expect(task.dueAt).toBe('2026-03-09T02:00:00.000Z');
    await at('2026-03-09T01:10:00.000Z'); // Monday 09:10: 3 h 10 min of 4 h, under 80 %
    await server.scheduler.runOnce();
    expect((await acceptTask(started.body.id)).light).toBe('green');
    await at('2026-03-09T01:13:00.000Z'); // 09:13: past 3 h 12 min
    await server.scheduler.runOnce();
    expect((await acceptTask(started.body.id)).light).toBe('yellow');
    await at('2026-03-09T02:01:00.000Z');
    await server.scheduler.runOnce();
    expect((await acceptTask(started.body.id)).light).toBe('red');
  });
});
