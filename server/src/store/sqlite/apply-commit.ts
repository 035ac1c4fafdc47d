import { ConflictError, type InstanceCommit } from '@tongban/engine';
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
  const stored = t.instances.current(c.instance.id);
  if ((stored?.revision ?? 0) !== c.expectedRevision || c.instance.revision !== c.expectedRevision + 1) {
    throw new ConflictError(c.instance.id, c.expectedRevision, stored?.revision);
  }
  t.instances.write(c.instance, stored);
  for (const task of c.tasksOpened) t.tasks.write(task);
  for (const u of c.tasksUpdated ?? []) {
    const task = t.tasks.get(u.id);
    if (task?.status === 'open') t.tasks.write({ ...task, ...u });
  }
  for (const closed of c.tasksClosed) t.tasks.close(closed);
  for (const timer of c.timersScheduled) t.timers.write(timer);
  for (const closed of c.timersClosed) t.timers.close(closed);
  for (const job of c.jobsEnqueued) t.jobs.write(job);
  for (const closed of c.jobsClosed) t.jobs.close(closed);
  t.history.append(c.history);
}
