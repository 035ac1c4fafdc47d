import type { TimerDefinition } from '../model/index.js';
import { addIsoDuration, parseIsoDuration } from './iso-duration.js';
import { parseLimit } from './limit.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * When a timer started at `from` is due, or undefined when it cannot be
 * scheduled. A duration is ISO 8601 (`P3D`, `PT4H`) or a Tongban limit
 * (`5wd`, `4wh`, `3cd`), which needs the working calendar: a boundary timer
 * at the promised limit escalates exactly when the deadline passes.
 * Repeating cycles are not run yet and are refused by the compiler.
 */
export function timerDueAt(timer: TimerDefinition, from: Date, calendar?: WorkingCalendar): Date | undefined {
  switch (timer.type) {
    case 'duration': {
      const d = parseIsoDuration(timer.value);
      if (d) return addIsoDuration(from, d);
      const limit = parseLimit(timer.value);
      return limit.ok && calendar ? calendar.dueAt(from, limit.limit) : undefined;
    }
    case 'date': {
      const t = Date.parse(timer.value);
      return Number.isNaN(t) ? undefined : new Date(t);
    }
    case 'cycle':
      return undefined;
  }
}

/** Whether the definition can be scheduled at all, given a calendar for limits. */
export function isSchedulable(timer: TimerDefinition): boolean {
  if (timer.type === 'cycle') return false;
  if (timer.type === 'date') return !Number.isNaN(Date.parse(timer.value));
  return parseIsoDuration(timer.value) !== undefined || parseLimit(timer.value).ok;
}
