import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/index.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { connectorProcess, timerProcess } from './fixtures.js';
import { leaseRow, startSchedulerServer, type SchedulerTestServer } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Gave up waiting: ${what}`);
}

describe('scheduler lifecycle', () => {
  it('runs its loop when the server is configured to, and the server stops it on close', async () => {
    const processesDir = mkdtempSync(join(tmpdir(), 'tongban-no-processes-'));
    const server: TestServer = await startTestServer({ processesDir, env: { TONGBAN_SCHEDULER: 'true', TONGBAN_SCHEDULER_INTERVAL_MS: '20' } });
    cleanups.push(async () => {
      await server.dispose();
      rmSync(processesDir, { recursive: true, force: true });
    });
    await server.services.runtime.deploy(timerProcess('immediate', 'PT0S'));
    const instance = await server.services.runtime.start('immediate');

    await until(async () => (await server.services.runtime.getInstance(instance.id)).status === 'completed', 'the timer to fire');
    await server.close();
    expect(await server.scheduler.runOnce()).toMatchObject({ timersFired: 0, jobsRun: 0 });
  });

  it('waits for the tick in flight when stopped, and gives back the job it cut short without counting an attempt', async () => {
    const t: SchedulerTestServer = await startSchedulerServer();
    cleanups.push(() => t.dispose());
    const events: string[] = [];
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => { started = resolve; });
    const scheduler = new Scheduler(t.server.services, {
      handlers: new Map([['gate', (_job, { signal }) => new Promise((_, reject) => {
        events.push('handler started');
        started();
        signal.addEventListener('abort', () => {
          events.push('handler aborted');
          reject(signal.reason as Error);
        });
      })]]),
    });
    await t.server.services.runtime.deploy(connectorProcess('gated', 'gate'));
    await t.server.services.runtime.start('gated');
    const job = (await t.server.services.store.listPendingJobs(1))[0]!;

    scheduler.start();
    await handlerStarted;
    expect(leaseRow(t.server, 'jobs', job.id).lease_owner).toBe(scheduler.owner);
    await scheduler.stop();
    events.push('stopped');

    expect(events).toEqual(['handler started', 'handler aborted', 'stopped']);
    expect(leaseRow(t.server, 'jobs', job.id)).toMatchObject({ status: 'pending', attempts: 0, lease_owner: null, lease_until: null });
    // Stopping is final: the job waits for the next node's tick.
    scheduler.start();
    expect(await scheduler.runOnce()).toMatchObject({ jobsRun: 0, failures: 0, retrySoon: 0 });
    expect(leaseRow(t.server, 'jobs', job.id).lease_owner).toBeNull();
  });
});
