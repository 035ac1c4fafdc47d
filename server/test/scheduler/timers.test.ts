import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '@tongban/engine';
import { SequentialIds } from '@tongban/engine/testing';
import { leaseTable } from '../../src/scheduler/index.js';
import { timerProcess } from './fixtures.js';
import { leaseRow, startSchedulerServer, timerFires, type SchedulerTestServer } from './support.js';

const DAY = 86_400_000;
let t: SchedulerTestServer;

beforeEach(async () => {
  t = await startSchedulerServer();
  await t.server.services.runtime.deploy(timerProcess('publicity', 'P1D'));
});
afterEach(() => t.dispose());

async function startWaiting(): Promise<{ instanceId: string; timerId: string }> {
  const instance = await t.server.services.runtime.start('publicity');
  const [timer] = await t.server.services.store.listTimers({ instanceId: instance.id, status: 'scheduled' });
  return { instanceId: instance.id, timerId: timer!.id };
}

describe('scheduler: timers', () => {
  it('fires a timer once it is due, and only once', async () => {
    const { instanceId, timerId } = await startWaiting();
    const { scheduler } = t.server;

    expect((await scheduler.runOnce()).timersFired).toBe(0);
    t.clock.advance(DAY);
    expect((await scheduler.runOnce()).timersFired).toBe(1);
    expect((await scheduler.runOnce()).timersFired).toBe(0);

    expect(leaseRow(t.server, 'timers', timerId)).toMatchObject({ status: 'fired', attempts: 0, lease_owner: scheduler.owner });
    expect((await t.server.services.runtime.getInstance(instanceId)).status).toBe('completed');
    expect(await timerFires(t.server, instanceId)).toEqual([timerId]);
    const audit = t.server.services.audit.query({ instanceId, limit: 10, offset: 0 });
    expect(audit.items.map((a) => a.action)).toContain('instance.timer.fire');
  });

  it('leaves a timer another node holds alone until its lease runs out, then takes it over', async () => {
    const { instanceId, timerId } = await startWaiting();
    t.clock.advance(DAY);
    const now = t.clock.now();
    // A node that claimed the timer and crashed before firing it.
    const crashed = leaseTable(t.server.services.db, 'timer').claim({
      owner: 'crashed-node', now: now.toISOString(), leaseUntil: new Date(now.getTime() + 30_000).toISOString(), limit: 10, maxAttempts: 5,
    });
    expect(crashed.map((c) => c.id)).toEqual([timerId]);

    expect((await t.server.scheduler.runOnce()).timersFired).toBe(0);
    t.clock.advance(29_000);
    expect((await t.server.scheduler.runOnce()).timersFired).toBe(0);
    t.clock.advance(2_000);
    expect((await t.server.scheduler.runOnce()).timersFired).toBe(1);

    expect(leaseRow(t.server, 'timers', timerId).lease_owner).toBe(t.server.scheduler.owner);
    expect(await timerFires(t.server, instanceId)).toEqual([timerId]);
  });

  it('gives each node a different share of the due timers, and fires each once', async () => {
    const { Scheduler } = await import('../../src/scheduler/index.js');
    const a = new Scheduler(t.server.services, { owner: 'node-a', batchSize: 7 });
    const b = new Scheduler(t.server.services, { owner: 'node-b', batchSize: 7 });
    const started = await Promise.all(Array.from({ length: 30 }, () => startWaiting()));
    t.clock.advance(DAY);

    let fired = { a: 0, b: 0 };
    for (let round = 0; round < 5; round++) {
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      fired = { a: fired.a + ra.timersFired, b: fired.b + rb.timersFired };
    }

    expect(fired.a + fired.b).toBe(30);
    expect(fired.a).toBeGreaterThan(0);
    expect(fired.b).toBeGreaterThan(0);
    for (const { instanceId, timerId } of started) expect(await timerFires(t.server, instanceId)).toEqual([timerId]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('backs off after each failure, opens an incident after the fifth, and fires again after an administrator retries', async () => {
    const { services } = t.server;
    // Started by another node's runtime, so this server has no live copy of the instance and reads the stored one.
    const other = new Runtime({ store: services.store, clock: t.clock, ids: new SequentialIds('other') });
    const instance = await other.start('publicity');
    const [timer] = await services.store.listTimers({ instanceId: instance.id, status: 'scheduled' });
    const timerId = timer!.id;
    t.clock.advance(DAY);
    const good = services.db.prepare<[string], { record: string }>('SELECT record FROM instances WHERE id = ?').get(instance.id)!.record;
    services.db.prepare("UPDATE instances SET record = json_set(record, '$.snapshot', '{corrupt') WHERE id = ?").run(instance.id);

    const backoffs: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const tick = await t.server.scheduler.runOnce();
      expect(tick).toMatchObject({ timersFired: 0, failures: 1, incidents: 0 });
      const row = leaseRow(t.server, 'timers', timerId);
      expect(row).toMatchObject({ status: 'scheduled', attempts: attempt, lease_owner: null });
      const wait = new Date(row.next_attempt_at!).getTime() - t.clock.now().getTime();
      backoffs.push(wait);
      // Not before the back-off has passed.
      expect((await t.server.scheduler.runOnce()).failures).toBe(0);
      t.clock.advance(wait);
    }
    expect(backoffs).toEqual([1_000, 2_000, 4_000, 8_000]);

    expect(await t.server.scheduler.runOnce()).toMatchObject({ failures: 1, incidents: 1 });
    expect(leaseRow(t.server, 'timers', timerId)).toMatchObject({ attempts: 5, next_attempt_at: null });
    t.clock.advance(DAY);
    expect((await t.server.scheduler.runOnce()).failures).toBe(0);

    const admin = await t.server.signIn('admin');
    const open = await admin.get<{ items: { id: string; kind: string; targetId: string; instanceId: string; elementId: string; message: string; attempts: number }[]; total: number }>('/api/incidents');
    expect(open.status).toBe(200);
    expect(open.body.total).toBe(1);
    const incident = open.body.items[0]!;
    expect(incident).toMatchObject({ kind: 'timer', targetId: timerId, instanceId: instance.id, elementId: 'wait', attempts: 5 });
    expect(incident.message).toContain('SyntaxError');

    // The administrator repairs the data, then retries.
    services.db.prepare('UPDATE instances SET record = ? WHERE id = ?').run(good, instance.id);
    const retried = await admin.post<{ resolvedBy: string; resolvedAt: string }>(`/api/incidents/${incident.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.resolvedAt).toBe(t.clock.now().toISOString());
    expect(leaseRow(t.server, 'timers', timerId)).toMatchObject({ attempts: 0, next_attempt_at: null, lease_owner: null });

    expect((await t.server.scheduler.runOnce()).timersFired).toBe(1);
    expect((await services.runtime.getInstance(instance.id)).status).toBe('completed');
    expect(await timerFires(t.server, instance.id)).toEqual([timerId]);
    expect((await admin.get<{ total: number }>('/api/incidents')).body.total).toBe(0);
    expect((await admin.get<{ total: number }>('/api/incidents?status=resolved')).body.total).toBe(1);

    const audit = services.audit.query({ instanceId: instance.id, limit: 20, offset: 0 }).items;
    const create = audit.find((a) => a.action === 'incident.create');
    const retry = audit.find((a) => a.action === 'incident.retry');
    expect(create).toMatchObject({ target: timerId, details: { incidentId: incident.id, kind: 'timer', attempts: 5 } });
    expect(create?.actor).toBeUndefined();
    expect(retry).toMatchObject({ target: timerId, actor: retried.body.resolvedBy, details: { incidentId: incident.id } });
    expect(services.audit.verify().ok).toBe(true);
  });

  it('never claims a timer the instance cancelled', async () => {
    const { instanceId, timerId } = await startWaiting();
    await t.server.services.runtime.terminate(instanceId, 'withdrawn');
    expect(leaseRow(t.server, 'timers', timerId).status).toBe('cancelled');
    t.clock.advance(DAY);
    expect(await t.server.scheduler.runOnce()).toMatchObject({ timersFired: 0, skipped: 0, failures: 0 });
  });
});
