import type { Limit } from '../limit.js';
import { CalendarInputError } from './calendar-input-error.js';
import { HOUR_MS, dayOfInstant, startOfDay } from './civil-date.js';
import { addWorkingMs, closeOfBusiness, type Schedule } from './working-time.js';

/**
 * The due instant of a limit counted from `from` (rules and their legal
 * basis in docs/time-limits.md):
 *
 * - `Nwd`: the start day is not counted (民法典 art. 201); the N-th working
 *   day after it ends at close of business (art. 203).
 * - `Nwh`: N office hours from the start instant (art. 201 para 2).
 * - `Ncd`: the N-th calendar day after the start day ends at 24:00; a last
 *   day that is not a working day moves to the close of business of the
 *   next working day (art. 203).
 */
export function dueAt(schedule: Schedule, from: number, limit: Limit): number {
  checkLimit(limit);
  switch (limit.unit) {
    case 'wd':
      return closeOfBusiness(schedule, nthWorkingDayAfter(schedule, dayOfInstant(from), limit.amount));
    case 'wh':
      return addWorkingMs(schedule, from, Math.round(limit.amount * HOUR_MS));
    case 'cd': {
      const last = dayOfInstant(from) + limit.amount;
      if (schedule.days.isWorkingDay(last)) return startOfDay(last + 1);
      return closeOfBusiness(schedule, nthWorkingDayAfter(schedule, last, 1));
    }
  }
}

function nthWorkingDayAfter(schedule: Schedule, start: number, n: number): number {
  let day = start;
  for (let counted = 0; counted < n; ) {
    day++;
    if (schedule.days.isWorkingDay(day)) counted++;
  }
  return day;
}

function checkLimit(limit: Limit): void {
  const whole = limit.unit === 'wh' || Number.isInteger(limit.amount);
  if (!(limit.amount > 0) || !Number.isFinite(limit.amount) || !whole) {
    throw new CalendarInputError('time/invalid-limit', `Expected a positive limit (whole days for wd and cd), but got ${String(limit.amount)}${limit.unit}`, limit);
  }
}
