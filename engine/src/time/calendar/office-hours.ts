import { CalendarInputError } from './calendar-input-error.js';
import { DAY_MS } from './civil-date.js';

/** An opening period of a working day, `HH:MM` in China Standard Time (`24:00` allowed as an end). */
export interface OfficeHours {
  readonly start: string;
  readonly end: string;
}

/** A typical 政务服务中心 day: 7 hours with a lunch break. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Milliseconds after CST midnight, `start < end`. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The periods in order; throws when one is malformed, empty or overlaps another. */
export function officeIntervals(hours: readonly OfficeHours[]): Interval[] {
  if (hours.length === 0) fail('officeHours must have at least one period', hours);
  const intervals = hours
    .map((h) => ({ start: clockMs(h.start, h), end: clockMs(h.end, h) }))
    .sort((a, b) => a.start - b.start);
  intervals.forEach((interval, i) => {
    if (interval.start >= interval.end) fail('an office period must end after it starts', hours);
    const previous = intervals[i - 1];
    if (previous && previous.end > interval.start) fail('office periods must not overlap', hours);
  });
  return intervals;
}

function clockMs(text: string, period: OfficeHours): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const ms = match ? (Number(match[1]) * 60 + Number(match[2])) * 60_000 : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(ms <= DAY_MS)) fail(`"${text}" is not a time HH:MM between 00:00 and 24:00`, period);
  return ms;
}

function fail(message: string, value: unknown): never {
  throw new CalendarInputError('time/invalid-calendar-option', `officeHours: ${message}`, value);
}
