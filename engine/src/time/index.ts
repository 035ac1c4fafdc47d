export {
  parseLimit,
  formatLimit,
  compareLimits,
  MAX_LIMIT_AMOUNT,
  WORKING_HOURS_PER_DAY,
} from './limit.js';
export type {
  Limit,
  LimitUnit,
  LimitError,
  LimitErrorReason,
  LimitResult,
  LimitComparison,
} from './limit.js';
export type { WorkingCalendar } from './working-calendar.js';
export { parseIsoDuration, addIsoDuration } from './iso-duration.js';
export type { IsoDuration } from './iso-duration.js';
export { timerDueAt, isSchedulable } from './timer-due.js';
export {
  createWorkingCalendar,
  calendarWarnings,
  chineseDaysHolidayData,
  DEFAULT_OFFICE_HOURS,
  CalendarInputError,
  formatCstInstant,
  parseCstInstant,
} from './calendar/index.js';
export type {
  WorkingCalendarOptions,
  CalendarDay,
  HolidayData,
  OfficeHours,
  CalendarInputErrorCode,
} from './calendar/index.js';
