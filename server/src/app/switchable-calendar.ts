import type { WorkingCalendar } from '@tongban/engine';

/** A working calendar whose rules can be replaced while the runtime holds it (after an override is saved). */
export interface SwitchableCalendar extends WorkingCalendar {
  replace(next: WorkingCalendar): void;
}

export function switchableCalendar(initial: WorkingCalendar): SwitchableCalendar {
  let current = initial;
  return {
    get workingDayMs() {
      return current.workingDayMs;
    },
    isWorkingDay: (date) => current.isWorkingDay(date),
    dueAt: (from, limit) => current.dueAt(from, limit),
    workingMsBetween: (from, to) => current.workingMsBetween(from, to),
    addWorkingMs: (from, ms) => current.addWorkingMs(from, ms),
    uncoveredYears: (from, to) => current.uncoveredYears(from, to),
    replace: (next) => {
      current = next;
    },
  };
}
