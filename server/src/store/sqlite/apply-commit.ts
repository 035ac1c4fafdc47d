import { ConflictError, type InstanceCommit, type TaskRecord } from '@tongban/engine';
import type { historyTable, instancesTable, jobsTable, tasksTable, timersTable } from './tables/index.js';

export interface CommitTables {
  readonly instances: ReturnType<typeof instancesTable>;
  readonly tasks: ReturnType<typeof tasksTable>;
  readonly timers: ReturnType<typeof timersTable>;
  readonly jobs: ReturnType<typeof jobsTable>;
  readonly history: ReturnType<typeof historyTable>;
}

/**
 * The body of one commit; the caller runs it inside an immediate
 * transaction, so the revision is checked under the write lock and a throw
 * anywhere rolls everything back.
 */
export function applyCommit(t: CommitTables, c: InstanceCommit): void {
  const actual = t.instances.revision(c.instance.id);
  if ((actual ?? 0) !== c.expectedRevision || c.instance.revision !== c.expectedRevision + 1) {
    throw new ConflictError(c.instance.id, c.expectedRevision, actual);
  }
  t.instances.write(c.instance);
  for (const task of c.tasksOpened) t.tasks.write(task);
  for (const u of c.tasksUpdated ?? []) {
    const task = t.tasks.get(u.id);
    if (task?.status === 'open') t.tasks.write({ ...task, ...u });
  }
  for (const closed of c.tasksClosed) {
    const task = t.tasks.get(closed.id);
    if (task) t.tasks.write(closeTask(task, closed));
  }
  for (const timer of c.timersScheduled) t.timers.write(timer);
  for (const closed of c.timersClosed) {
    const timer = t.timers.get(closed.id);
    if (timer?.status === 'scheduled') t.timers.write({ ...timer, status: closed.status, closedAt: closed.at });
  }
  for (const job of c.jobsEnqueued) t.jobs.write(job);
  for (const closed of c.jobsClosed) {
    const job = t.jobs.get(closed.id);
    if (job) t.jobs.write({ ...job, status: closed.status, closedAt: closed.at, ...(closed.error ? { error: closed.error } : {}) });
  }
  t.history.append(c.history);
}

function closeTask(task: TaskRecord, closed: InstanceCommit['tasksClosed'][number]): TaskRecord {
  return {
    ...task, status: closed.status, closedAt: closed.at,
    ...(closed.outcome ? { outcome: closed.outcome } : {}),
    ...(closed.by ? { completedBy: closed.by } : {}),
  };
}
