import { parseLimit } from '../time/limit.js';
import type { WorkingCalendar } from '../time/working-calendar.js';
import type { ClockPause, Deadlines, Instant, TimerRecord } from './records.js';

/** How deadlines are computed: the calendar, and when the light turns yellow. */
export interface DeadlinePolicy {
  readonly calendar: WorkingCalendar;
  /** Share of the promised working time after which the light is yellow (default 0.8). */
  readonly warningAt: number;
}

export type Light = 'green' | 'yellow' | 'red';

/** Deadlines of something that starts at `at` with these limits (absent limits give no deadline). */
export function deadlinesFor(limits: { timeLimit?: string; legalTimeLimit?: string }, at: Date, policy: DeadlinePolicy): Deadlines {
  const promised = limitOf(limits.timeLimit);
  const legal = limitOf(limits.legalTimeLimit);
  const out: { -readonly [K in keyof Deadlines]: Deadlines[K] } = {};
  if (promised) {
    const due = policy.calendar.dueAt(at, promised);
    out.dueAt = due.toISOString();
    out.warnAt = policy.calendar.addWorkingMs(at, Math.round(policy.calendar.workingMsBetween(at, due) * policy.warningAt)).toISOString();
  }
  if (legal) out.legalDueAt = policy.calendar.dueAt(at, legal).toISOString();
  return out;
}

function limitOf(text: string | undefined) {
  if (text === undefined) return undefined;
  const parsed = parseLimit(text);
  return parsed.ok ? parsed.limit : undefined;
}

/**
 * After a pause, every deadline moves later by exactly the working time the
 * pause lasted (行政许可法 art. 45 for excluded procedures; the default for
 * 补正). With `restart`, the count starts again from the resumption.
 */
export function shiftDeadlines(
  deadlines: Deadlines,
  pausedMs: number,
  policy: DeadlinePolicy,
  restart?: { at: Date; limits: { timeLimit?: string; legalTimeLimit?: string } },
): Deadlines {
  if (restart) return deadlinesFor(restart.limits, restart.at, policy);
  const move = (t: Instant | undefined) => (t === undefined ? undefined : policy.calendar.addWorkingMs(new Date(t), pausedMs).toISOString());
  const out: { -readonly [K in keyof Deadlines]: Deadlines[K] } = {};
  const dueAt = move(deadlines.dueAt);
  const warnAt = move(deadlines.warnAt);
  const legalDueAt = move(deadlines.legalDueAt);
  if (dueAt !== undefined) out.dueAt = dueAt;
  if (warnAt !== undefined) out.warnAt = warnAt;
  if (legalDueAt !== undefined) out.legalDueAt = legalDueAt;
  return out;
}

/** Timer rows that turn the light yellow and red, ids unique per scheduling. */
export function deadlineTimers(
  owner: { instanceId: string; elementId: string; taskId?: string; activation: number },
  deadlines: Deadlines,
  revision: number,
): TimerRecord[] {
  const base = owner.taskId ?? `${owner.instanceId}/instance`;
  const timers: TimerRecord[] = [];
  const add = (level: 'warning' | 'due' | 'legal-due', at: Instant | undefined) => {
    if (at === undefined) return;
    timers.push({
      id: `${base}/deadline/${level}@${revision}`, instanceId: owner.instanceId, elementId: owner.elementId, activation: owner.activation,
      definition: { type: 'date', value: at }, dueAt: at, status: 'scheduled',
      deadline: { level, ...(owner.taskId !== undefined ? { taskId: owner.taskId } : {}) },
    });
  };
  add('warning', deadlines.warnAt);
  add('due', deadlines.dueAt);
  add('legal-due', deadlines.legalDueAt);
  return timers;
}

/**
 * The deadline light (红黄绿灯) at `now`: red once the promised (or legal)
 * deadline has passed, yellow from the warning instant, else green; while
 * the clock is stopped the light keeps the colour it had when it stopped.
 */
export function deadlineLight(
  item: Deadlines,
  now: Date,
  calendar?: WorkingCalendar,
  openPause?: Pick<ClockPause, 'from'>,
): { light: Light; remainingWorkingMs?: number } {
  const at = openPause ? new Date(openPause.from) : now;
  const due = item.dueAt ?? item.legalDueAt;
  if (due === undefined) return { light: 'green' };
  const remaining = calendar ? calendar.workingMsBetween(at, new Date(due)) : undefined;
  const light: Light = at.toISOString() >= due ? 'red' : item.warnAt !== undefined && at.toISOString() >= item.warnAt ? 'yellow' : 'green';
  return { light, ...(remaining !== undefined ? { remainingWorkingMs: remaining } : {}) };
}
