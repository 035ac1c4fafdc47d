/**
 * ISO 8601 durations as BPMN timers write them (`PT4H`, `P3D`, `P1Y2M`,
 * `P2W`). Years and months move the calendar date in China Standard Time
 * (UTC+8, no daylight saving), so `P1M` from 31 January lands on the last
 * day of February, as a clerk would count it.
 */
export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(text: string): IsoDuration | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

const CST_OFFSET_MS = 8 * 3600_000;

export function addIsoDuration(from: Date, d: IsoDuration): Date {
  const local = new Date(from.getTime() + CST_OFFSET_MS);
  if (d.years || d.months) {
    const day = local.getUTCDate();
    local.setUTCDate(1);
    local.setUTCMonth(local.getUTCMonth() + d.years * 12 + d.months);
    const lastDay = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
    local.setUTCDate(Math.min(day, lastDay));
  }
  const ms = (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
  return new Date(local.getTime() + ms - CST_OFFSET_MS);
}
