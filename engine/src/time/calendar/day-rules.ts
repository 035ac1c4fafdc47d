import { CalendarInputError } from './calendar-input-error.js';
import { dayOfDate, isWeekend, yearOfDay } from './civil-date.js';
import type { CalendarDay, HolidayData } from './holiday-data.js';

/** Which days are working days, after the holiday data and the overrides. */
export interface DayRules {
  isWorkingDay(day: number): boolean;
  /** Is the year described by the data or by at least one override? */
  isCovered(year: number): boolean;
}

/**
 * One lookup table built up front: the holiday data first, then the
 * administrator's overrides, which win (a local extra day off, or a
 * notice the data does not carry yet).
 */
export function createDayRules(data: HolidayData, overrides: readonly CalendarDay[]): DayRules {
  const explicit = new Map<number, boolean>();
  const covered = new Set<number>(data.years);
  for (const entry of data.days) explicit.set(dayOf(entry, 'holidayData'), entry.working);
  for (const entry of overrides) {
    const day = dayOf(entry, 'overrides');
    explicit.set(day, entry.working);
    covered.add(yearOfDay(day));
  }
  return {
    isWorkingDay: (day) => explicit.get(day) ?? !isWeekend(day),
    isCovered: (year) => covered.has(year),
  };
}

function dayOf(entry: CalendarDay, option: string): number {
  const day = dayOfDate(entry.date);
  if (day === undefined) {
    throw new CalendarInputError('time/invalid-calendar-option', `${option}: "${entry.date}" is not a YYYY-MM-DD date`, entry);
  }
  return day;
}
