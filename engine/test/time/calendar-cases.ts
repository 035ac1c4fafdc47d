import type { Limit } from '../../src/time/index.js';

/**
 * Due dates worked out by hand from the 国务院办公厅 notices
 * (shared/domain/calendar.md), shared by the calendar tests and the
 * time-zone tests. Instants are China Standard Time.
 */
export interface DueCase {
  readonly name: string;
  readonly from: string;
  readonly limit: Limit;
  readonly due: string;
}

export const dueCases: readonly DueCase[] = [
  {
    // 2026 春节: 02-15…02-23 off, Sat 02-14 and Sat 02-28 上班.
    // Tue 02-10 not counted; 1 Wed 02-11, 2 Thu 02-12, 3 Fri 02-13, 4 Sat 02-14 (调休), 5 Tue 02-24.
    name: '5wd across 春节 2026, counting the make-up Saturday before it',
    from: '2026-02-10T10:00:00+08:00',
    limit: { amount: 5, unit: 'wd' },
    due: '2026-02-24T17:30:00+08:00',
  },
  {
    // 2025 春节: 01-28…02-04 off, Sun 01-26 and Sat 02-08 上班.
    // Wed 02-05 not counted; 1 Thu 02-06, 2 Fri 02-07, 3 Sat 02-08 (调休), 4 Mon 02-10, 5 Tue 02-11.
    name: '5wd after 春节 2025, counting the make-up Saturday after it',
    from: '2025-02-05T09:30:00+08:00',
    limit: { amount: 5, unit: 'wd' },
    due: '2025-02-11T17:30:00+08:00',
  },
  {
    // 2026 国庆: 10-01…10-07 off, Sun 09-20 and Sat 10-10 上班.
    // Wed 09-30 not counted; 1 Thu 10-08, 2 Fri 10-09, 3 Sat 10-10 (调休), Sun 10-11 off, 4 Mon 10-12, 5 Tue 10-13.
    name: '5wd across 国庆 2026, counting the make-up Saturday after it',
    from: '2026-09-30T10:00:00+08:00',
    limit: { amount: 5, unit: 'wd' },
    due: '2026-10-13T17:30:00+08:00',
  },
  {
    // 2025 国庆+中秋: 10-01…10-08 off, Sun 09-28 and Sat 10-11 上班.
    // Fri 09-26 not counted; Sat 09-27 off, 1 Sun 09-28 (调休), 2 Mon 09-29, 3 Tue 09-30, 4 Thu 10-09, 5 Fri 10-10.
    name: '5wd across 国庆 2025, counting the make-up Sunday before it',
    from: '2025-09-26T16:00:00+08:00',
    limit: { amount: 5, unit: 'wd' },
    due: '2025-10-10T17:30:00+08:00',
  },
  {
    // calendar.md worked example: 受理 Tue 2026-02-10, 20wd → Mon 2026-03-16.
    name: '20wd: the worked example of calendar.md',
    from: '2026-02-10T15:00:00+08:00',
    limit: { amount: 20, unit: 'wd' },
    due: '2026-03-16T17:30:00+08:00',
  },
  {
    // 10:00–12:00 = 2 h, lunch skipped, 13:30–15:30 = 2 h.
    name: '4wh across lunch',
    from: '2026-03-10T10:00:00+08:00',
    limit: { amount: 4, unit: 'wh' },
    due: '2026-03-10T15:30:00+08:00',
  },
  {
    // Fri 16:00–17:30 = 1.5 h, Sat and Sun skipped, Mon 09:00–11:30 = 2.5 h.
    name: '4wh across a weekend',
    from: '2026-03-13T16:00:00+08:00',
    limit: { amount: 4, unit: 'wh' },
    due: '2026-03-16T11:30:00+08:00',
  },
  {
    // Last day Fri 09-25 is 中秋; Sat 09-26 and Sun 09-27 are off too; next working day Mon 09-28.
    name: '3cd ending on a holiday moves to the next working day',
    from: '2026-09-22T11:00:00+08:00',
    limit: { amount: 3, unit: 'cd' },
    due: '2026-09-28T17:30:00+08:00',
  },
];
