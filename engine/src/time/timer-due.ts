import type { TimerDefinition } from '../model/index.js';
import { addIsoDuration, parseIsoDuration } from './iso-duration.js';

/**
 * When a timer started at `from` is due, or undefined when its definition
 * cannot be read (the compiler reports that before deploy). Repeating
 * cycles are not run yet and are refused by the compiler.
 */
export function timerDueAt(timer: TimerDefinition, from: Date): Date | undefined {
  switch (timer.type) {
    case 'duration': {
      const d = parseIsoDuration(timer.value);
      return d ? addIsoDuration(from, d) : undefined;
    }
    case 'date': {
      const t = Date.parse(timer.value);
      return Number.isNaN(t) ? undefined : new Date(t);
    }
    case 'cycle':
      return undefined;
  }
}
