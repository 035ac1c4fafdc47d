import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors.js';
import type { HistoryRecord, InstanceRecord, JobRecord, TaskRecord, TimerRecord } from '../runtime/index.js';
import type { InstanceCommit, Store } from '../store/index.js';

const T0 = '2026-03-02T01:00:00.000Z';
const T1 = '2026-03-02T02:00:00.000Z';

function instance(id: string, revision: number, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  return { id, processId: 'p', version: 1, status: 'active', revision, snapshot: `{"r":${revision}}`, incidents: [], createdAt: T0, updatedAt: T0, ...extra };
}

function task(id: string, instanceId: string, department = 'tax'): TaskRecord {
  return { id, instanceId, processId: 'p', elementId: id.split('/')[1] ?? id, activation: 1, department, status: 'open', createdAt: T0 };
}

function history(instanceId: string, revision: number): HistoryRecord {
  return { instanceId, revision, at: T0, command: { type: 'variables.update', variables: { n: revision } }, effects: [] };
}

function commit(id: string, expectedRevision: number, parts: Partial<InstanceCommit> = {}): InstanceCommit {
  return {
    instance: instance(id, expectedRevision + 1), expectedRevision,
    tasksOpened: [], tasksClosed: [], timersScheduled: [], timersClosed: [], jobsEnqueued: [], jobsClosed: [],
    history: history(id, expectedRevision + 1), ...parts,
  };
}

/**
 * The behaviour every Store adapter must have. Run it from the adapter's own
 * test file: `describeStoreContract('sqlite', () => openStore(tmpFile()))`.
 * `makeStore` must return a new, empty store each time.
 */
export function describeStoreContract(name: string, makeStore: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    it('gives each deployed definition the next version and finds latest and pinned versions', async () => {
      const store = await makeStore();
      const v1 = await store.deployDefinition({ processId: 'p', xml: '<a/>', deployedAt: T0 });
      const v2 = await store.deployDefinition({ processId: 'p', name: '二', xml: '<b/>', deployedAt: T1 });
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect((await store.getDefinition('p'))?.xml).toBe('<b/>');
      expect((await store.getDefinition('p', 1))?.xml).toBe('<a/>');
      expect(await store.getDefinition('p', 3)).toBeUndefined();
      expect(await store.getDefinition('other')).toBeUndefined();
    });

    it('creates an instance at revision 0 and refuses to create it twice', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, { tasksOpened: [task('i1/a/1', 'i1')] }));
      expect((await store.getInstance('i1'))?.revision).toBe(1);
      await expect(store.commit(commit('i1', 0, { tasksOpened: [task('i1/b/1', 'i1')] }))).rejects.toBeInstanceOf(ConflictError);
      expect(await store.getTask('i1/b/1')).toBeUndefined();
      expect(await store.listHistory('i1')).toHaveLength(1);
    });

    it('writes nothing when the revision is stale', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0));
      await store.commit(commit('i1', 1));
      const stale = commit('i1', 1, {
        tasksOpened: [task('i1/x/1', 'i1')],
        timersScheduled: [timer('i1/t/1/timer', 'i1', T0)],
        jobsEnqueued: [job('i1/j/1/job', 'i1')],
      });
      const error = await store.commit(stale).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).actualRevision).toBe(2);
      expect((await store.getInstance('i1'))?.snapshot).toBe('{"r":2}');
      expect(await store.getTask('i1/x/1')).toBeUndefined();
      expect(await store.getTimer('i1/t/1/timer')).toBeUndefined();
      expect(await store.getJob('i1/j/1/job')).toBeUndefined();
      expect((await store.listHistory('i1')).map((h) => h.revision)).toEqual([1, 2]);
    });

    it('lets exactly one of two racing writers win', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0));
      const results = await Promise.allSettled([
        store.commit(commit('i1', 1, { tasksOpened: [task('i1/a/2', 'i1')] })),
        store.commit(commit('i1', 1, { tasksOpened: [task('i1/b/2', 'i1')] })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConflictError);
      expect(await store.listTasks({ instanceId: 'i1' })).toHaveLength(1);
    });

    it('opens and closes tasks and lists them by instance, status and department', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, { tasksOpened: [task('i1/a/1', 'i1', 'tax'), task('i1/b/1', 'i1', 'market')] }));
      await store.commit(commit('i2', 0, { tasksOpened: [task('i2/a/1', 'i2', 'tax')] }));
      await store.commit(commit('i1', 1, { tasksClosed: [{ id: 'i1/a/1', status: 'completed', at: T1, outcome: 'approve', by: 'u1' }] }));
      const closed = await store.getTask('i1/a/1');
      expect(closed).toMatchObject({ status: 'completed', closedAt: T1, outcome: 'approve', completedBy: 'u1' });
      expect((await store.listTasks({ instanceId: 'i1', status: 'open' })).map((t) => t.id)).toEqual(['i1/b/1']);
      expect((await store.listTasks({ department: 'tax', status: 'open' })).map((t) => t.id)).toEqual(['i2/a/1']);
      expect(await store.listTasks({ status: 'open', limit: 1 })).toHaveLength(1);
    });

    it('lists scheduled timers that are due, earliest first, and forgets closed ones', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, {
        timersScheduled: [timer('i1/a/1/timer', 'i1', T1), timer('i1/b/1/timer', 'i1', T0), timer('i1/c/1/timer', 'i1', '2026-03-03T00:00:00.000Z')],
      }));
      expect((await store.listDueTimers(T1, 10)).map((t) => t.id)).toEqual(['i1/b/1/timer', 'i1/a/1/timer']);
      expect(await store.listDueTimers(T1, 1)).toHaveLength(1);
      await store.commit(commit('i1', 1, { timersClosed: [{ id: 'i1/b/1/timer', status: 'fired', at: T1 }] }));
      expect((await store.listDueTimers(T1, 10)).map((t) => t.id)).toEqual(['i1/a/1/timer']);
      expect((await store.getTimer('i1/b/1/timer'))?.status).toBe('fired');
    });

    it('lists the timers of an instance, and never reopens or recloses a timer that has ended', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, { timersScheduled: [timer('i1/a/1/timer', 'i1', T0), timer('i1/b/1/timer', 'i1', T1)] }));
      await store.commit(commit('i2', 0, { timersScheduled: [timer('i2/a/1/timer', 'i2', T0)] }));
      await store.commit(commit('i1', 1, { timersClosed: [{ id: 'i1/a/1/timer', status: 'fired', at: T1 }] }));
      await store.commit(commit('i1', 2, { timersClosed: [{ id: 'i1/a/1/timer', status: 'cancelled', at: T1 }] }));
      expect((await store.getTimer('i1/a/1/timer'))?.status).toBe('fired');
      expect((await store.listTimers({ instanceId: 'i1' })).map((t) => t.id).sort()).toEqual(['i1/a/1/timer', 'i1/b/1/timer']);
      expect((await store.listTimers({ instanceId: 'i1', status: 'scheduled' })).map((t) => t.id)).toEqual(['i1/b/1/timer']);
    });

    it('updates the deadlines of open tasks only', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, { tasksOpened: [task('i1/a/1', 'i1'), task('i1/b/1', 'i1')] }));
      await store.commit(commit('i1', 1, { tasksClosed: [{ id: 'i1/b/1', status: 'completed', at: T1 }] }));
      await store.commit(commit('i1', 2, { tasksUpdated: [{ id: 'i1/a/1', dueAt: T1, warnAt: T0 }, { id: 'i1/b/1', dueAt: T1 }] }));
      expect(await store.getTask('i1/a/1')).toMatchObject({ dueAt: T1, warnAt: T0, status: 'open' });
      expect((await store.getTask('i1/b/1'))?.dueAt).toBeUndefined();
    });

    it('lists pending jobs and records how each ended', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, { jobsEnqueued: [job('i1/a/1/job', 'i1'), job('i1/b/1/job', 'i1')] }));
      await store.commit(commit('i1', 1, { jobsClosed: [{ id: 'i1/a/1/job', status: 'failed', at: T1, error: 'timeout' }] }));
      expect((await store.listPendingJobs(10)).map((j) => j.id)).toEqual(['i1/b/1/job']);
      expect(await store.getJob('i1/a/1/job')).toMatchObject({ status: 'failed', error: 'timeout', input: { uscc: '91350100M000100Y43' } });
    });

    it('keeps the history of each instance in revision order', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0));
      await store.commit(commit('i2', 0));
      await store.commit(commit('i1', 1));
      const h = await store.listHistory('i1');
      expect(h.map((r) => r.revision)).toEqual([1, 2]);
      expect(h[1]!.command).toEqual({ type: 'variables.update', variables: { n: 2 } });
      expect(await store.listHistory('none')).toEqual([]);
    });

    it('hands out records that a caller cannot change behind its back', async () => {
      const store = await makeStore();
      await store.commit(commit('i1', 0, { tasksOpened: [task('i1/a/1', 'i1')] }));
      const read = (await store.getTask('i1/a/1')) as { status: string };
      try {
        read.status = 'completed';
      } catch {
        // frozen records throw in strict mode; copies simply change
      }
      expect((await store.getTask('i1/a/1'))?.status).toBe('open');
    });
  });
}

function timer(id: string, instanceId: string, dueAt: string): TimerRecord {
  return { id, instanceId, elementId: id.split('/')[1]!, activation: 1, definition: { type: 'duration', value: 'PT1H' }, dueAt, status: 'scheduled' };
}

function job(id: string, instanceId: string): JobRecord {
  return { id, instanceId, elementId: id.split('/')[1]!, activation: 1, connector: 'legal-entity', input: { uscc: '91350100M000100Y43' }, status: 'pending', createdAt: T0 };
}
