import { createWorkingCalendar, type WorkingCalendar } from '@tongban/engine';
import type Database from 'better-sqlite3';
import type { SwitchableCalendar } from '../app/switchable-calendar.js';
import { calendarOverridesTable, type CalendarOverride } from './overrides-table.js';

/** The server's working calendar: chinese-days holidays and 调休, the default office hours, and the administrator's overrides on top. */
export function calendarWithOverrides(overrides: readonly CalendarOverride[]): WorkingCalendar {
  return createWorkingCalendar({
    overrides: overrides.map((o) => ({ date: o.date, working: o.working, ...(o.name !== undefined ? { name: o.name } : {}) })),
  });
}

/**
 * Rebuilds the calendar from the stored overrides and switches the one the
 * runtime holds to it: at start, and after every change of an override.
 * Deadlines computed before keep their instants; only new ones see it.
 */
export function loadCalendar(services: { readonly db: Database.Database; readonly calendar: SwitchableCalendar }): void {
  services.calendar.replace(calendarWithOverrides(calendarOverridesTable(services.db).all()));
}
