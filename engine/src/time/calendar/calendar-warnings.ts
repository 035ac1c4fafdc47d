import { problem, type Problem } from '../../problems/index.js';
import type { WorkingCalendar } from '../working-calendar.js';

/**
 * One warning per year between `from` and `to` that the calendar counts
 * with weekends only, because no holiday notice is known for it: a deadline
 * there may fall on a holiday announced later.
 */
export function calendarWarnings(calendar: WorkingCalendar, from: Date, to: Date): Problem[] {
  return calendar.uncoveredYears(from, to).map((year) =>
    problem(
      'time/year-not-covered',
      'warning',
      `日历中没有 ${year} 年的法定节假日和调休安排，该年按周一至周五为工作日计算；国务院办公厅公布该年放假安排后请更新日历或添加调整日期。`,
      `The calendar has no statutory holidays or make-up working days for ${year}: that year counts Monday to Friday as working days. Update the calendar or add overrides once the State Council notice for ${year} is published.`,
    ));
}
