import type { WorkingCalendar } from '../../src/time/index.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CST = 8 * HOUR;

/** `2025-03-03 09:00` in China Standard Time, as an ISO instant (UTC). */
export const cst = (text: string): string => new Date(Date.parse(`${text.replace(' ', 'T')}:00+08:00`)).toISOString();

/**
 * A small calendar for tests: Monday to Friday, 09:00–17:00 China time, no
 * holidays; 8 working hours a day. Only what the measured analysis uses.
 */
export const fakeCalendar: WorkingCalendar = {
  workingDayMs: 8 * HOUR,
  isWorkingDay: (date) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday >= 1 && weekday <= 5;
  },
  workingMsBetween(from, to) {
    const a = from.getTime();
    const b = to.getTime();
    let ms = 0;
    for (let midnight = Math.floor((a + CST) / DAY) * DAY - CST; midnight < b; midnight += DAY) {
      const weekday = new Date(midnight + CST).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      ms += Math.max(0, Math.min(b, midnight + 17 * HOUR) - Math.max(a, midnight + 9 * HOUR));
    }
    return ms;
  },
  dueAt: () => {
    throw new Error('not used by these tests');
  },
  addWorkingMs: () => {
    throw new Error('not used by these tests');
  },
  uncoveredYears: () => [],
};
