import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '@tongban/engine';
import { settle } from '../../src/scheduler/attempts.js';
import { fireTimer } from '../../src/scheduler/attempts.js';
import { leaseTable } from '../../src/scheduler/index.js';
import { timerProcess } from './fixtures.js';
import { startSchedulerServer, type SchedulerTestServer } from './support.js';

let t: SchedulerTestServer;
beforeEach(async () => {
  t = await startSchedulerServer();
  await t.server.services.runtime.deploy(timerProcess('publicity', 'PT0S'));
});
afterEach(() => t.dispose());

describe('scheduler: what becomes of one attempt', () => {
  it('a timer someone else already fired is done, not a failure', async () => {
    const { runtime, store, db } = t.server.services;
    const instance = await runtime.start('publicity');
    const [timer] = await store.listTimers({ instanceId: instance.id });
    const timers = leaseTable(db, 'timer');
    await runtime.fireTimer(timer!.id);

    expect(await fireTimer(runtime, timer!.id, () => timers.status(timer!.id) === 'scheduled')).toEqual({ kind: 'done', how: 'skipped' });
  });

  it('a rejected fire of a timer still marked scheduled is a failure, so it cannot be picked up for ever', async () => {
    const { runtime, store, db } = t.server.services;
    const instance = await runtime.start('publicity');
    const [timer] = await store.listTimers({ instanceId: instance.id });
    await runtime.terminate(instance.id);
    db.prepare("UPDATE timers SET status = 'scheduled' WHERE id = ?").run(timer!.id);
    const timers = leaseTable(db, 'timer');

    const outcome = await fireTimer(runtime, timer!.id, () => timers.status(timer!.id) === 'scheduled');
    expect(outcome.kind).toBe('failed');
  });

  it('tries again at once after a conflict, and gives the row back when conflicts go on', async () => {
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw new ConflictError('i-1', 1, 2);
    };
    expect(await settle(flaky, 'fired', () => true)).toEqual({ kind: 'done', how: 'fired' });
    expect(calls).toBe(3);

    const stuck = async () => {
      throw new ConflictError('i-1', 1, 2);
    };
    expect(await settle(stuck, 'fired', () => true)).toEqual({ kind: 'busy' });
  });
});
