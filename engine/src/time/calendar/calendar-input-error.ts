import { EngineError } from '../../errors.js';

export type CalendarInputErrorCode = 'time/invalid-calendar-option' | 'time/invalid-limit' | 'time/invalid-instant';

/**
 * Thrown when the calendar is built with unusable options (a malformed
 * override date, office hours that overlap) or asked about an invalid
 * instant or limit. A programming or configuration error, not a deadline
 * the user can act on.
 */
export class CalendarInputError extends EngineError {
  readonly code: CalendarInputErrorCode;
  constructor(code: CalendarInputErrorCode, message: string, readonly value: unknown) {
    super(message);
    this.code = code;
  }
}
