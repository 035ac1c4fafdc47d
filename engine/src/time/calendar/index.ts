/**
 * The working-day calendar: `createWorkingCalendar` implements the
 * `WorkingCalendar` port over holiday data, administrator overrides and
 * office hours, all in China Standard Time.
 */
export { createWorkingCalendar } from './create-working-calendar.js';
export type { WorkingCalendarOptions } from './create-working-calendar.js';
export { calendarWarnings } from './calendar-warnings.js';
export { chineseDaysHolidayData } from './holiday-data.js';
export type { CalendarDay, HolidayData } from './holiday-data.js';
export { DEFAULT_OFFICE_HOURS } from './office-hours.js';
export type { OfficeHours } from './office-hours.js';
export { CalendarInputError } from './calendar-input-error.js';
export type { CalendarInputErrorCode } from './calendar-input-error.js';
export { formatCstInstant, parseCstInstant } from './cst-instant.js';
