import type { TimerDefinition } from '../../model/index.js';
import { parseIsoDuration, parseLimit, type Limit } from '../../time/index.js';

/** Office hours 09:00–12:00 and 13:30–17:30. */
export const DEFAULT_HOURS_PER_DAY = 7;

/**
 * Working days in a calendar day, on a nominal week of five working days.
 * The design analysis compares nominal durations; exact due dates (holidays,
 * 调休 make-up days) are the working-day calendar's job.
 */
export const WORKING_DAYS_PER_CALENDAR_DAY = 5 / 7;

/** A limit in working days: `wd` as is, `wh` ÷ office hours per day, `cd` × 5/7. */
export function limitToWorkingDays(limit: Limit, hoursPerDay: number): number {
  switch (limit.unit) {
    case 'wd':
      return limit.amount;
    case 'wh':
      return limit.amount / hoursPerDay;
    case 'cd':
      return limit.amount * WORKING_DAYS_PER_CALENDAR_DAY;
  }
}

const HOURS_PER_CALENDAR_DAY = 24;

/**
 * How long a timer waits, in nominal working days: a Tongban limit (`3wd`)
 * as a limit, an ISO 8601 duration as calendar time (a year as 365 days, a
 * month as 30). Undefined for dates, cycles and text that is neither.
 */
export function timerWorkingDays(timer: TimerDefinition, hoursPerDay: number): number | undefined {
  if (timer.type !== 'duration') return undefined;
  const limit = parseLimit(timer.value);
  if (limit.ok) return limitToWorkingDays(limit.limit, hoursPerDay);
  const d = parseIsoDuration(timer.value);
  if (!d) return undefined;
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days + (d.hours + (d.minutes + d.seconds / 60) / 60) / HOURS_PER_CALENDAR_DAY;
  return days * WORKING_DAYS_PER_CALENDAR_DAY;
}
