import { deadlineLight, type ClockPause, type TaskRecord, type WorkingCalendar } from '@tongban/engine';
import { z } from 'zod';

export const TaskView = z.object({
  id: z.string(), instanceId: z.string(), processId: z.string(), elementId: z.string(),
  name: z.string().optional(), department: z.string().optional(), itemCode: z.string().optional(), form: z.string().optional(),
  status: z.enum(['open', 'completed', 'cancelled']), createdAt: z.string(), closedAt: z.string().optional(),
  outcome: z.enum(['approve', 'reject']).optional(), completedBy: z.string().optional(),
  timeLimit: z.string().optional(), legalTimeLimit: z.string().optional(),
  dueAt: z.string().optional(), warnAt: z.string().optional(), legalDueAt: z.string().optional(),
  assignee: z.string().optional(), businessKey: z.string().optional(),
  light: z.enum(['green', 'yellow', 'red']).describe('green: in time; yellow: past the warning share of the promised limit; red: overdue'),
  remainingWorkingMs: z.number().optional().describe('Working time left until the promised deadline (negative: overdue)'),
  clockStopped: z.boolean().describe('The clock stands still (补正 or an excluded procedure)'),
});
export type TaskView = z.infer<typeof TaskView>;

/** A task as the inbox shows it: its deadlines, light and remaining working time, and who holds it. */
export function taskView(
  task: TaskRecord,
  extra: { assignee?: string | undefined; businessKey?: string | undefined; openPauses: readonly ClockPause[] },
  now: Date,
  calendar: WorkingCalendar,
): TaskView {
  // The light stands still while the application's or this task's clock is stopped.
  const pause = extra.openPauses.find((p) => p.kind === 'correction' || p.taskId === task.id);
  const { light, remainingWorkingMs } = task.status === 'open'
    ? deadlineLight(task, now, calendar, pause)
    : { light: task.closedAt && task.dueAt && task.closedAt > task.dueAt ? 'red' as const : 'green' as const, remainingWorkingMs: undefined };
  const overdueMs = task.status === 'open' && task.dueAt && light === 'red'
    ? -calendar.workingMsBetween(new Date(task.dueAt), pause ? new Date(pause.from) : now)
    : remainingWorkingMs;
  return {
    id: task.id, instanceId: task.instanceId, processId: task.processId, elementId: task.elementId, status: task.status, createdAt: task.createdAt,
    ...pick(task, ['name', 'department', 'itemCode', 'form', 'closedAt', 'outcome', 'completedBy', 'timeLimit', 'legalTimeLimit', 'dueAt', 'warnAt', 'legalDueAt']),
    ...(extra.assignee !== undefined ? { assignee: extra.assignee } : {}),
    ...(extra.businessKey !== undefined ? { businessKey: extra.businessKey } : {}),
    light,
    ...(overdueMs !== undefined ? { remainingWorkingMs: overdueMs } : {}),
    clockStopped: pause !== undefined,
  };
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}
