import { chineseDaysHolidayData, type WorkingCalendar } from '@tongban/engine';
import type { CalendarOverride } from './overrides-table.js';

/** One date of a year that is not simply "Monday to Friday work, weekend off", or that an administrator has ruled on. */
export interface CalendarYearDay {
  readonly date: string;
  readonly working: boolean;
  readonly name?: string;
  /** `statutory`: the State Council notice as carried by chinese-days; `override`: an administrator's entry, which wins. */
  readonly source: 'statutory' | 'override';
  readonly weekend: boolean;
  /** For an override: what the statutory data says about the date, if anything. */
  readonly statutory?: { readonly working: boolean; readonly name?: string };
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export interface CalendarYearView {
  readonly year: number;
  /** The calendar counts the year with its holidays: the statutory data covers it, or an override does (the engine's rule). */
  readonly covered: boolean;
  /** The statutory data (chinese-days) covers the year. */
  readonly statutoryCovered: boolean;
  readonly warning?: { readonly code: 'time/year-not-covered'; readonly message: string; readonly messageEn: string };
  readonly days: CalendarYearDay[];
}

/** The statutory holidays and 调休 days of a year merged with the overrides, by date. */
export function calendarYear(year: number, overrides: readonly CalendarOverride[], calendar: WorkingCalendar): CalendarYearView {
  const data = chineseDaysHolidayData();
  const prefix = `${year}-`;
  const statutory = new Map(data.days.filter((d) => d.date.startsWith(prefix)).map((d) => [d.date, d]));
  const days = new Map<string, CalendarYearDay>();
  for (const d of statutory.values()) {
    days.set(d.date, { date: d.date, working: d.working, source: 'statutory', weekend: isWeekend(d.date), ...(d.name !== undefined ? { name: d.name } : {}) });
  }
  for (const o of overrides) {
    const s = statutory.get(o.date);
    days.set(o.date, {
      date: o.date, working: o.working, source: 'override', weekend: isWeekend(o.date), updatedBy: o.updatedBy, updatedAt: o.updatedAt,
      ...(o.name !== undefined ? { name: o.name } : {}),
      ...(s ? { statutory: { working: s.working, ...(s.name !== undefined ? { name: s.name } : {}) } } : {}),
    });
  }
  // Midday of 1 July, China time: well inside the year whatever the offset.
  const mid = new Date(Date.UTC(year, 6, 1, 4));
  const covered = calendar.uncoveredYears(mid, mid).length === 0;
  return {
    year, covered, statutoryCovered: data.years.includes(year),
    ...(covered ? {} : {
      warning: {
        code: 'time/year-not-covered',
        message: `${year} 年的法定节假日数据缺失，仅按周末计算工作日；请在国务院办公厅放假通知发布后录入。`,
        messageEn: `No holiday data for ${year}: only weekends are days off until the State Council notice is entered as overrides.`,
      },
    }),
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
