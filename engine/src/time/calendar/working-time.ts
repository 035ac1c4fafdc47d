import { dayOfInstant, startOfDay } from './civil-date.js';
import type { DayRules } from './day-rules.js';
import type { Interval } from './office-hours.js';

/** The rules a measurement needs: which days work, and the office hours of such a day. */
export interface Schedule {
  readonly days: DayRules;
  readonly intervals: readonly Interval[];
}

/** Office-hours milliseconds on working days between two instants; 0 unless `to` is after `from`. */
export function workingMsBetween(schedule: Schedule, from: number, to: number): number {
  let total = 0;
  for (let day = dayOfInstant(from); from < to && day <= dayOfInstant(to); day++) {
    if (!schedule.days.isWorkingDay(day)) continue;
    const midnight = startOfDay(day);
    for (const interval of schedule.intervals) {
      total += Math.max(0, Math.min(to, midnight + interval.end) - Math.max(from, midnight + interval.start));
    }
  }
  return total;
}

/**
 * The instant `ms` of office time after `from`: the clock runs only inside
 * office hours on working days, and stops at the instant the last
 * millisecond is used (so 3 h from 09:00 is 12:00, not 13:30). `ms <= 0`
 * returns `from` unchanged: nothing to add, nothing moves.
 */
export function addWorkingMs(schedule: Schedule, from: number, ms: number): number {
  let remaining = ms;
  if (remaining <= 0) return from;
  for (let day = dayOfInstant(from); ; day++) {
    if (!schedule.days.isWorkingDay(day)) continue;
    const midnight = startOfDay(day);
    for (const interval of schedule.intervals) {
      const start = Math.max(from, midnight + interval.start);
      const available = midnight + interval.end - start;
      if (available <= 0) continue;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
}

/** Close of business on a day: the end of its last office period. */
export function closeOfBusiness(schedule: Schedule, day: number): number {
  const last = schedule.intervals.at(-1);
  return startOfDay(day) + (last?.end ?? 0);
}
