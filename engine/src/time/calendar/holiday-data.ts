import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayOfDate, yearOfDay } from './civil-date.js';

/** One civil date whose working status is stated explicitly. */
export interface CalendarDay {
  /** `YYYY-MM-DD`, China Standard Time. */
  readonly date: string;
  /** true: a working day (e.g. a 调休 make-up Saturday); false: a day off (e.g. 春节). */
  readonly working: boolean;
  readonly name?: string;
}

/**
 * Statutory holidays and 调休 make-up working days, and the years they
 * describe completely. A date not listed in a covered year is a working
 * day from Monday to Friday and a day off on Saturday and Sunday.
 */
export interface HolidayData {
  readonly years: readonly number[];
  readonly days: readonly CalendarDay[];
}

let defaultData: HolidayData | undefined;

/**
 * The holidays and make-up days of chinese-days (2004 to 2026 in 1.5.7), read
 * once. Its prebuilt JSON is used rather than its functions: the package
 * builds its own lookup tables with local-time `Date` methods when it is
 * loaded, so in a process west of UTC (TZ=America/New_York) every date
 * there is shifted by a day. The JSON was generated in China and is exact.
 */
export function chineseDaysHolidayData(): HolidayData {
  defaultData ??= fromChineseDays(chineseDays);
  return defaultData;
}

interface ChineseDaysJson {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

function fromChineseDays(json: ChineseDaysJson): HolidayData {
  const days: CalendarDay[] = [
    ...Object.entries(json.holidays).map(([date, label]) => ({ date, working: false, name: chineseName(label) })),
    ...Object.entries(json.workdays).map(([date, label]) => ({ date, working: true, name: `${chineseName(label)}调休上班` })),
  ];
  const years = new Set<number>();
  for (const { date } of days) {
    const day = dayOfDate(date);
    if (day !== undefined) years.add(yearOfDay(day));
  }
  return { years: [...years].sort((a, b) => a - b), days };
}

/** `"Spring Festival,春节,4"` → `春节`. */
function chineseName(label: string): string {
  return label.split(',')[1] ?? label;
}
