export { CivilDate, CalendarYear, isCivilDate } from './civil-date.js';
export { PeriodBound, PeriodQuery, periodOf, type Period } from './period.js';
export { calendarOverridesTable, type CalendarOverride, type CalendarOverridesTable } from './overrides-table.js';
export { calendarWithOverrides, loadCalendar } from './load-calendar.js';
export { calendarYear, type CalendarYearDay, type CalendarYearView } from './calendar-year.js';
