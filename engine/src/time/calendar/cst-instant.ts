import { CST_OFFSET_MS, DAY_MS, HOUR_MS, dateOfDay, dayOfDate, dayOfInstant } from './civil-date.js';

/**
 * An instant as ISO 8601 in China Standard Time, e.g.
 * `2026-10-13T17:30:00+08:00` (milliseconds only when there are some).
 */
export function formatCstInstant(instant: Date): string {
  const ms = instant.getTime();
  const day = dayOfInstant(ms);
  const sinceMidnight = ms + CST_OFFSET_MS - day * DAY_MS;
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(sinceMidnight / HOUR_MS);
  const minutes = Math.floor((sinceMidnight % HOUR_MS) / 60_000);
  const seconds = Math.floor((sinceMidnight % 60_000) / 1000);
  const millis = sinceMidnight % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${dateOfDay(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}${fraction}+08:00`;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads `YYYY-MM-DD[THH:MM[:SS[.sss]][offset]]`. Without an offset the time
 * is China Standard Time (a date alone is its CST midnight), never the
 * process's local time. Undefined when the text is not such an instant.
 */
export function parseCstInstant(text: string): Date | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const day = dayOfDate(match[1] ?? '');
  const hours = Number(match[2] ?? 0);
  const minutes = Number(match[3] ?? 0);
  const seconds = Number(match[4] ?? 0);
  if (day === undefined || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const offset = offsetMs(match[6]);
  if (offset === undefined) return undefined;
  const millis = Number((match[5] ?? '').padEnd(3, '0'));
  const local = day * DAY_MS + hours * HOUR_MS + minutes * 60_000 + seconds * 1000 + millis;
  return new Date(local - offset);
}

function offsetMs(text: string | undefined): number | undefined {
  if (text === undefined) return CST_OFFSET_MS;
  if (text === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * HOUR_MS + minutes * 60_000);
}
