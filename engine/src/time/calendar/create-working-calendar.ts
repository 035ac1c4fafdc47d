import type { WorkingCalendar } from '../working-calendar.js';
import { CalendarInputError } from './calendar-input-error.js';
import { dayOfDate, dayOfInstant, yearOfDay } from './civil-date.js';
import { createDayRules } from './day-rules.js';
import { dueAt } from './due-at.js';
import { chineseDaysHolidayData, type CalendarDay, type HolidayData } from './holiday-data.js';
import { DEFAULT_OFFICE_HOURS, officeIntervals, type OfficeHours } from './office-hours.js';
import { addWorkingMs, workingMsBetween, type Schedule } from './working-time.js';

export interface WorkingCalendarOptions {
  /** Per-date decisions of the administration; they win over `holidayData`. */
  readonly overrides?: readonly CalendarDay[];
  /** Opening periods of a working day; default 09:00–12:00 and 13:30–17:30. */
  readonly officeHours?: readonly OfficeHours[];
  /** Holidays and make-up days; default: chinese-days. */
  readonly holidayData?: HolidayData;
}

/** The working-day calendar of an administration in mainland China (Asia/Shanghai). */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const intervals = officeIntervals(options.officeHours ?? DEFAULT_OFFICE_HOURS);
  const schedule: Schedule = {
    days: createDayRules(options.holidayData ?? chineseDaysHolidayData(), options.overrides ?? []),
    intervals,
  };
  return {
    workingDayMs: intervals.reduce((sum, i) => sum + i.end - i.start, 0),
    isWorkingDay: (date) => schedule.days.isWorkingDay(civilDay(date)),
    dueAt: (from, limit) => new Date(dueAt(schedule, instant(from), limit)),
    workingMsBetween: (from, to) => workingMsBetween(schedule, instant(from), instant(to)),
    addWorkingMs: (from, ms) => new Date(addWorkingMs(schedule, instant(from), checkedMs(ms))),
    uncoveredYears: (from, to) => {
      const [first, last] = [instant(from), instant(to)].map((ms) => yearOfDay(dayOfInstant(ms))).sort((a, b) => a - b);
      const years: number[] = [];
      for (let year = first ?? 0; year <= (last ?? -1); year++) if (!schedule.days.isCovered(year)) years.push(year);
      return years;
    },
  };
}

function civilDay(date: string): number {
  const day = dayOfDate(date);
  if (day === undefined) throw new CalendarInputError('time/invalid-instant', `"${date}" is not a YYYY-MM-DD date`, date);
  return day;
}

function instant(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new CalendarInputError('time/invalid-instant', 'Expected a valid Date, but got Invalid Date', date);
  return ms;
}

function checkedMs(ms: number): number {
  if (!Number.isFinite(ms)) throw new CalendarInputError('time/invalid-instant', `Expected a finite number of milliseconds, but got ${String(ms)}`, ms);
  return ms;
}
