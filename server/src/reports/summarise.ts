import { nearestRank, type DurationFigures, type InstanceFigures, type OnTimeFigures } from '@tongban/engine';

/**
 * The engine's duration figures (count, nearest-rank p50/p90, mean, on-time
 * rates) over instances that were analysed in separate runs (one per
 * version, each against its own limits); undefined for none.
 */
export function summarise(figures: readonly InstanceFigures[]): DurationFigures | undefined {
  if (figures.length === 0) return undefined;
  const days = figures.map((f) => f.workingDays).sort((a, b) => a - b);
  return {
    count: figures.length,
    p50WorkingDays: nearestRank(days, 50),
    p90WorkingDays: nearestRank(days, 90),
    meanWorkingDays: days.reduce((sum, d) => sum + d, 0) / days.length,
    promised: onTime(figures.map((f) => f.onTimePromised)),
    legal: onTime(figures.map((f) => f.onTimeLegal)),
  };
}

function onTime(verdicts: readonly (boolean | undefined)[]): OnTimeFigures {
  const onTime = verdicts.filter((v) => v === true).length;
  const overdue = verdicts.filter((v) => v === false).length;
  const judged = onTime + overdue;
  return { judged, onTime, overdue, ...(judged > 0 ? { rate: onTime / judged } : {}) };
}
