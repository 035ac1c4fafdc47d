import { problem, type Problem } from '../../problems/index.js';
import type { WorkingCalendar } from '../working-calendar.js';

/**
 * One warning per run of consecutive years between `from` and `to` that the
 * calendar counts with weekends only, because no holiday notice is known for
 * them: a deadline there may fall on a holiday announced later.
 */
export function calendarWarnings(calendar: WorkingCalendar, from: Date, to: Date): Problem[] {
  return runs(calendar.uncoveredYears(from, to)).map(([first, last]) => {
    const years = first === last ? `${first}` : `${first}–${last}`;
    return problem(
      'time/year-not-covered',
      'warning',
      `日历中没有 ${years} 年的法定节假日和调休安排，按周一至周五为工作日计算；国务院办公厅公布放假安排后请更新日历或添加调整日期。`,
      `The calendar has no statutory holidays or make-up working days for ${years}: Monday to Friday count as working days. Update the calendar or add overrides once the State Council notice is published.`,
    );
  });
}

/** [2027, 2028, 2030] → [[2027, 2028], [2030, 2030]]. */
function runs(years: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && year === last[1] + 1) last[1] = year;
    else out.push([year, year]);
  }
  return out;
}
