import { describe, expect, it } from 'vitest';
import { CalendarInputError, calendarWarnings, createWorkingCalendar, formatCstInstant, parseCstInstant } from '../../src/time/index.js';
import type { Limit, WorkingCalendar } from '../../src/time/index.js';
import { dueCases } from './calendar-cases.js';
import calendar2025 from './fixtures/calendar-2025.json' with { type: 'json' };
import calendar2026 from './fixtures/calendar-2026.json' with { type: 'json' };

const HOUR = 3_600_000;

function at(text: string): Date {
  const instant = parseCstInstant(text);
  if (!instant) throw new Error(`bad instant in test: ${text}`);
  return instant;
}

function due(calendar: WorkingCalendar, from: string, amount: number, unit: Limit['unit']): string {
  return formatCstInstant(calendar.dueAt(at(from), { amount, unit }));
}

/** Every date of a year, with its weekday, without local-time Date methods. */
function datesOf(year: number): { date: string; weekend: boolean }[] {
  const days: { date: string; weekend: boolean }[] = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 24 * HOUR) {
    const weekday = new Date(ms).getUTCDay();
    days.push({ date: new Date(ms).toISOString().slice(0, 10), weekend: weekday === 0 || weekday === 6 });
  }
  return days;
}

describe('createWorkingCalendar: working days from the default holiday data', () => {
  const calendar = createWorkingCalendar();

  for (const notice of [calendar2025, calendar2026]) {
    it(`given the ${notice.year} notice, agrees on every date of the year`, () => {
      const holidays = new Set(notice.holidays);
      const makeup = new Set(notice.makeupWorkdays);
      const days = datesOf(notice.year);

      const wrong = days.filter(({ date, weekend }) => {
        const expected = makeup.has(date) || (!weekend && !holidays.has(date));
        return calendar.isWorkingDay(date) !== expected;
      });

      expect(days.length).toBeGreaterThanOrEqual(365);
      expect(wrong).toEqual([]);
      expect(days.filter(({ date }) => calendar.isWorkingDay(date)).length).toBe(notice.workingDayCount);
    });
  }

  it('covers 2025 and 2026 but not 2027', () => {
    expect(calendar.uncoveredYears(at('2025-01-01'), at('2026-12-31T23:59'))).toEqual([]);
    expect(calendar.uncoveredYears(at('2026-12-01'), at('2027-03-01'))).toEqual([2027]);
  });

  it('rejects a date that does not exist', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(CalendarInputError);
  });
});

describe('dueAt', () => {
  const calendar = createWorkingCalendar();

  it.each(dueCases)('$name', ({ from, limit, due: expected }) => {
    expect(formatCstInstant(calendar.dueAt(at(from), limit))).toBe(expected);
  });

  describe('wd: the start day is not counted (民法典 art. 201)', () => {
    it('given an application at 08:00 on a Monday, 1wd ends on Tuesday at close of business', () => {
      expect(due(calendar, '2026-03-09T08:00', 1, 'wd')).toBe('2026-03-10T17:30:00+08:00');
    });

    it('given an application late on a Monday evening, 1wd still ends on Tuesday', () => {
      expect(due(calendar, '2026-03-09T23:59', 1, 'wd')).toBe('2026-03-10T17:30:00+08:00');
    });

    it('given an application on a Saturday, the first day counted is Monday', () => {
      expect(due(calendar, '2026-03-14T10:00', 1, 'wd')).toBe('2026-03-16T17:30:00+08:00');
    });

    it('given an application on a holiday, counting starts after the holiday', () => {
      expect(due(calendar, '2026-10-03T10:00', 1, 'wd')).toBe('2026-10-08T17:30:00+08:00');
    });
  });

  describe('wh: office hours from the start instant', () => {
    it.each([
      ['before opening: from 09:00', '2026-03-10T07:00', 4, '2026-03-10T14:30:00+08:00'],
      ['during lunch: from 13:30', '2026-03-10T12:30', 4, '2026-03-10T17:30:00+08:00'],
      ['after closing on Friday: from Monday 09:00', '2026-03-13T18:00', 4, '2026-03-16T14:30:00+08:00'],
      ['3 hours from 09:00 end at 12:00, not 13:30', '2026-03-10T09:00', 3, '2026-03-10T12:00:00+08:00'],
      ['half an hour across lunch', '2026-03-10T11:45', 0.5, '2026-03-10T13:45:00+08:00'],
      // Fri 02-13 16:30–17:30 = 1 h, Sat 02-14 (调休上班) = 7 h, 02-15…02-23 off, Tue 02-24 09:00–10:00 = 1 h.
      ['across 春节, using the make-up Saturday', '2026-02-13T16:30', 9, '2026-02-24T10:00:00+08:00'],
    ])('given a start %s', (_name, from, amount, expected) => {
      expect(due(calendar, from, amount, 'wh')).toBe(expected);
    });
  });

  describe('cd: calendar days, a last day off moves (民法典 art. 203)', () => {
    it('given a last day that is a working day, ends at 24:00 of it', () => {
      expect(due(calendar, '2026-03-10T10:00', 3, 'cd')).toBe('2026-03-14T00:00:00+08:00');
    });

    it('given a last day on an ordinary Saturday, ends at close of business on Monday', () => {
      expect(due(calendar, '2026-03-11T10:00', 3, 'cd')).toBe('2026-03-16T17:30:00+08:00');
    });

    it('given a last day on a make-up Saturday, that Saturday is a working day', () => {
      expect(due(calendar, '2026-10-07T10:00', 3, 'cd')).toBe('2026-10-11T00:00:00+08:00');
    });
  });

  it('refuses a fraction of a working day', () => {
    expect(() => calendar.dueAt(at('2026-03-10'), { amount: 0.5, unit: 'wd' })).toThrow(CalendarInputError);
  });
});

describe('workingMsBetween and addWorkingMs', () => {
  const calendar = createWorkingCalendar();

  it('has a 7-hour working day by default', () => {
    expect(calendar.workingDayMs).toBe(7 * HOUR);
  });

  it('given Friday 16:00 to Monday 11:30, counts 4 hours', () => {
    expect(calendar.workingMsBetween(at('2026-03-13T16:00'), at('2026-03-16T11:30'))).toBe(4 * HOUR);
  });

  it('given an end before the start, counts nothing', () => {
    expect(calendar.workingMsBetween(at('2026-03-16T11:30'), at('2026-03-13T16:00'))).toBe(0);
  });

  it('given the whole of 2026, counts 248 working days of office hours', () => {
    expect(calendar.workingMsBetween(at('2026-01-01'), at('2027-01-01'))).toBe(248 * 7 * HOUR);
  });

  it('given a due at 17:30 and a 2-hour pause, moves it to 11:00 of the next working day', () => {
    const moved = calendar.addWorkingMs(at('2026-09-30T17:30'), 2 * HOUR);

    expect(formatCstInstant(moved)).toBe('2026-10-08T11:00:00+08:00');
  });

  it('given a due at 17:30 and a pause of one working day, moves it to 17:30 of the next working day', () => {
    const moved = calendar.addWorkingMs(at('2026-02-13T17:30'), calendar.workingDayMs);

    expect(formatCstInstant(moved)).toBe('2026-02-14T17:30:00+08:00');
  });

  it('given no time to add, leaves the instant where it is, even outside office hours', () => {
    expect(formatCstInstant(calendar.addWorkingMs(at('2026-03-14T20:00'), 0))).toBe('2026-03-14T20:00:00+08:00');
  });
});

describe('options', () => {
  it('given overrides, they win over the holiday data', () => {
    const calendar = createWorkingCalendar({
      overrides: [
        { date: '2026-03-10', working: false, name: '地方停止办公' },
        { date: '2026-10-05', working: true },
      ],
    });

    expect(calendar.isWorkingDay('2026-03-10')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(true);
    expect(due(calendar, '2026-03-09T10:00', 1, 'wd')).toBe('2026-03-11T17:30:00+08:00');
  });

  it('given other office hours, ends working days and counts hours by them', () => {
    const calendar = createWorkingCalendar({
      officeHours: [{ start: '14:00', end: '17:00' }, { start: '09:00', end: '12:00' }],
    });

    expect(calendar.workingDayMs).toBe(6 * HOUR);
    expect(due(calendar, '2026-03-09T10:00', 1, 'wd')).toBe('2026-03-10T17:00:00+08:00');
    expect(due(calendar, '2026-03-09T11:00', 2, 'wh')).toBe('2026-03-09T15:00:00+08:00');
  });

  it('given holiday data of its own, uses it instead of chinese-days', () => {
    const calendar = createWorkingCalendar({ holidayData: { years: [2026], days: [{ date: '2026-03-10', working: false }] } });

    expect(calendar.isWorkingDay('2026-03-10')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(true);
    expect(calendar.uncoveredYears(at('2025-06-01'), at('2026-06-01'))).toEqual([2025]);
  });

  it.each([
    ['an override that is not a date', { overrides: [{ date: '2026/03/10', working: false }] }],
    ['overlapping office hours', { officeHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }],
    ['office hours that end before they start', { officeHours: [{ start: '17:00', end: '09:00' }] }],
    ['no office hours', { officeHours: [] }],
    ['a time that is not HH:MM', { officeHours: [{ start: '9:00', end: '12:00' }] }],
  ])('given %s, refuses to build', (_name, options) => {
    expect(() => createWorkingCalendar(options)).toThrow(expect.objectContaining({ code: 'time/invalid-calendar-option' }));
  });
});

describe('a year the data does not cover (2027)', () => {
  const calendar = createWorkingCalendar();

  it('counts weekends only and lists the year', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
    expect(due(calendar, '2026-12-31T10:00', 2, 'wd')).toBe('2027-01-04T17:30:00+08:00');
    expect(calendar.uncoveredYears(at('2026-12-31T10:00'), at('2027-01-04T17:30'))).toEqual([2027]);
  });

  it('gives one warning per run of uncovered years, in Chinese and English', () => {
    const one = calendarWarnings(calendar, at('2026-12-31'), at('2027-03-01'));
    const many = calendarWarnings(calendar, at('2026-12-31'), at('2065-01-03'));

    expect(one).toEqual([expect.objectContaining({ code: 'time/year-not-covered', severity: 'warning', message: expect.stringContaining('2027 年'), messageEn: expect.stringContaining('2027') })]);
    expect(many).toHaveLength(1);
    expect(many[0]?.message).toContain('2027–2065 年');
  });

  it('given an override in that year, treats the year as covered', () => {
    const withNotice = createWorkingCalendar({ overrides: [{ date: '2027-01-01', working: false, name: '元旦' }] });

    expect(withNotice.isWorkingDay('2027-01-01')).toBe(false);
    expect(withNotice.uncoveredYears(at('2027-01-01'), at('2027-12-31'))).toEqual([]);
    expect(calendarWarnings(withNotice, at('2027-01-01'), at('2027-12-31'))).toEqual([]);
  });
});

describe('China Standard Time instants', () => {
  it.each([
    ['2026-09-30T10:00+08:00', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30T10:00', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30', '2026-09-30T00:00:00+08:00'],
    ['2026-09-30T02:00:00Z', '2026-09-30T10:00:00+08:00'],
    ['2026-09-29T22:00:00.250-04:00', '2026-09-30T10:00:00.250+08:00'],
  ])('reads %s as %s', (text, expected) => {
    expect(formatCstInstant(at(text))).toBe(expected);
  });

  it.each(['2026-02-30', '2026-09-30T24:00', '30/09/2026', '2026-09-30T10:00+8', ''])('refuses %j', (text) => {
    expect(parseCstInstant(text)).toBeUndefined();
  });
});
