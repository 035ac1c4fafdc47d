import type { Limit } from './limit.js';

/**
 * Working time as a Chinese administration counts it: weekends, statutory
 * holidays and 调休 make-up working days, office hours for `wh` limits, all
 * in Asia/Shanghai whatever the server's time zone. The implementation
 * (`createWorkingCalendar`) reads a maintained holiday data package plus
 * administrator overrides; the runtime and the analysis see only this.
 */
export interface WorkingCalendar {
  /** Milliseconds of working time in a full working day (7 h by default). */
  readonly workingDayMs: number;
  /** Is this civil date (YYYY-MM-DD, China Standard Time) a working day? */
  isWorkingDay(date: string): boolean;
  /** The due instant of `limit` counted from `from` (rules in docs/time-limits.md). */
  dueAt(from: Date, limit: Limit): Date;
  /** Working milliseconds between two instants (0 when `to` is not after `from`). */
  workingMsBetween(from: Date, to: Date): number;
  /** The instant `ms` of working time after `from`: moves a due date past a pause. */
  addWorkingMs(from: Date, ms: number): Date;
  /** Years the holiday data does not cover and no override defines: weekends only there. */
  uncoveredYears(from: Date, to: Date): number[];
}
