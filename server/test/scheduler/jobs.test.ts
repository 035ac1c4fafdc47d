import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '@tongban/engine';
import { JobBpmnError, Scheduler, type JobHandler } from '../../src/scheduler/index.js';
import { connectorProcess } from './fixtures.js';
import { leaseRow, startSchedulerServer, type SchedulerTestServer } from './support.js';

let t: SchedulerTestServer;
beforeEach(async () => {
  t = await startSchedulerServer();
});
afterEach(() => t.dispose());

async function startLookup(connector: string): Promise<{ instanceId: string; job: JobRecord }> {
  const { runtime, store } = t.server.services;
  await runtime.deploy(connectorProcess(`lookup_${connector.replaceAll('-', '_')}`, connector));
  const instance = await runtime.start(`lookup_${connector.replaceAll('-', '_')}`);
  const [job] = await store.listPendingJobs(100);
  return { instanceId: instance.id, job: job! };
}

/** Ticks until the job has used up its attempts, moving the clock past each back-off. */
async function failAllAttempts(scheduler: Scheduler, jobId: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await scheduler.runOnce();
    const next = leaseRow(t.server, 'jobs', jobId).next_attempt_at;
    if (next) t.clock.set(next);
  }
}

describe('scheduler: connector jobs', () => {
  it('completes a job with its handler’s result', async () => {
    const seen: { connector?: string; attempt: number }[] = [];
    const handler: JobHandler = async (job, context) => {
      seen.push({ ...(job.connector ? { connector: job.connector } : {}), attempt: context.attempt });
      return { registered: true };
    };
    const scheduler = new Scheduler(t.server.services, { handlers: new Map([['registry', handler]]) });
    const { instanceId, job } = await startLookup('registry');

    expect((await scheduler.runOnce()).jobsRun).toBe(1);
    expect((await scheduler.runOnce()).jobsRun).toBe(0);

    expect(seen).toEqual([{ connector: 'registry', attempt: 1 }]);
    expect(leaseRow(t.server, 'jobs', job.id).status).toBe('done');
    expect((await t.server.services.runtime.getInstance(instanceId)).status).toBe('completed');
    expect(await t.server.services.runtime.getVariables(instanceId)).toMatchObject({ answer: { registered: true } });
    await scheduler.stop();
  });

  it('fails the job with the business error code, so the process takes its error path', async () => {
    const scheduler = new Scheduler(t.server.services, {
      handlers: new Map([['registry', async () => { throw new JobBpmnError('NOT_REGISTERED', 'no such company'); }]]),
    });
    const { instanceId, job } = await startLookup('registry');

    expect(await scheduler.runOnce()).toMatchObject({ jobsRun: 1, failures: 0 });

    expect(leaseRow(t.server, 'jobs', job.id).status).toBe('failed');
    const tasks = await t.server.services.store.listTasks({ instanceId, status: 'open' });
    expect(tasks.map((task) => task.elementId)).toEqual(['manual']);
    await scheduler.stop();
  });

  it('turns a job whose connector is not installed into an incident that says so', async () => {
    const { instanceId, job } = await startLookup('legal-entity');

    await failAllAttempts(t.server.scheduler, job.id);

    expect(leaseRow(t.server, 'jobs', job.id)).toMatchObject({ status: 'pending', attempts: 5, next_attempt_at: null });
    const admin = await t.server.signIn('admin');
    const open = await admin.get<{ items: { kind: string; targetId: string; instanceId: string; elementId: string; message: string }[] }>('/api/incidents');
    expect(open.body.items).toEqual([expect.objectContaining({
      kind: 'job', targetId: job.id, instanceId, elementId: 'lookup', message: 'No connector named "legal-entity" is installed',
    })]);
  });

  it('runs the job again after an administrator retries its incident', async () => {
    let upstreamDown = true;
    const scheduler = new Scheduler(t.server.services, {
      handlers: new Map([['registry', async () => {
        if (upstreamDown) throw new Error('connect ECONNREFUSED 10.0.0.1:443 for 13800138000');
        return { registered: true };
      }]]),
    });
    const { instanceId, job } = await startLookup('registry');
    await failAllAttempts(scheduler, job.id);
    expect((await scheduler.runOnce()).jobsRun).toBe(0);

    const admin = await t.server.signIn('admin');
    const open = await admin.get<{ items: { id: string; message: string }[] }>('/api/incidents');
    const incident = open.body.items[0]!;
    // Long numbers (a mobile number here) never reach the incident.
    expect(incident.message).toBe('connect ECONNREFUSED 10.0.0.1:443 for ***');

    upstreamDown = false;
    expect((await admin.post(`/api/incidents/${incident.id}/retry`)).status).toBe(200);
    expect((await scheduler.runOnce()).jobsRun).toBe(1);
    expect((await t.server.services.runtime.getInstance(instanceId)).status).toBe('completed');
    await scheduler.stop();
  });

  it('counts a handler that does not answer in time as a failed attempt, and aborts its signal', async () => {
    let aborted: unknown;
    const scheduler = new Scheduler(t.server.services, {
      jobTimeoutMs: 20,
      handlers: new Map([['slow', (_job, { signal }) => new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          aborted = signal.reason;
          resolve(undefined);
        });
      })]]),
    });
    const { job } = await startLookup('slow');

    expect(await scheduler.runOnce()).toMatchObject({ jobsRun: 0, failures: 1 });
    expect(leaseRow(t.server, 'jobs', job.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((aborted as Error).name).toBe('JobTimeoutError');
    await scheduler.stop();
  });

  it('refuses a lease too short for a batch of slow jobs', () => {
    expect(() => new Scheduler(t.server.services, { leaseMs: 10_000, jobTimeoutMs: 10_000 })).toThrow(RangeError);
  });
});
