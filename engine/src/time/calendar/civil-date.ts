/**
 * Civil dates in China Standard Time as plain numbers. CST is UTC+8 all
 * year (no daylight saving since 1991), so a civil day is a fixed 24-hour
 * slice of UTC and every conversion is an offset: no local-time `Date`
 * method is used, and the process's time zone never matters.
 *
 * A "day" here is the number of CST days since 1970-01-01.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const CST_OFFSET_MS = 8 * HOUR_MS;

/** The CST day an instant (ms since the epoch) falls on. */
export function dayOfInstant(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}

/** The instant CST midnight (00:00) begins `day`. */
export function startOfDay(day: number): number {
  return day * DAY_MS - CST_OFFSET_MS;
}

/** `YYYY-MM-DD` of a day. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function dayOfDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  // Date.UTC rolls 02-30 over to March: a real date survives the round trip.
  return dateOfDay(day) === date ? day : undefined;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
