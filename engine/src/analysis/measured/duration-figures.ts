import { nearestRank } from './percentile.js';
import type { DurationFigures, OnTimeFigures } from './types.js';

/** One measured duration and whether it kept its limits (undefined: limit unknown). */
export interface Sample {
  readonly workingMs: number;
  readonly onTimePromised?: boolean;
  readonly onTimeLegal?: boolean;
}

/** Count, nearest-rank p50 and p90, mean (working days) and on-time figures of a non-empty group. */
export function durationFigures(samples: readonly Sample[], workingDayMs: number): DurationFigures {
  const days = samples.map((s) => s.workingMs / workingDayMs).sort((a, b) => a - b);
  return {
    count: samples.length,
    p50WorkingDays: nearestRank(days, 50),
    p90WorkingDays: nearestRank(days, 90),
    meanWorkingDays: days.reduce((sum, d) => sum + d, 0) / days.length,
    promised: onTime(samples.map((s) => s.onTimePromised)),
    legal: onTime(samples.map((s) => s.onTimeLegal)),
  };
}

function onTime(verdicts: readonly (boolean | undefined)[]): OnTimeFigures {
  let onTime = 0;
  let overdue = 0;
  for (const v of verdicts) {
    if (v === true) onTime++;
    else if (v === false) overdue++;
  }
  const judged = onTime + overdue;
  return { judged, onTime, overdue, ...(judged > 0 ? { rate: onTime / judged } : {}) };
}

/** Groups in first-seen order. */
export function groupBy<T>(values: Iterable<T>, key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}
