import type { Limit, WorkingCalendar } from '../../time/index.js';

const HOUR_MS = 3600_000;

/**
 * The working time a limit allows, to compare with measured working time:
 * `wd` × the calendar's working day, `wh` in hours; `cd` is the working time
 * between the start and the calendar's due date for it, as calendar days
 * hold a different number of working days depending on where they fall.
 */
export function limitWorkingMs(limit: Limit, calendar: WorkingCalendar, start: Date): number {
  switch (limit.unit) {
    case 'wd':
      return limit.amount * calendar.workingDayMs;
    case 'wh':
      return limit.amount * HOUR_MS;
    case 'cd':
      return calendar.workingMsBetween(start, calendar.dueAt(start, limit));
  }
}
