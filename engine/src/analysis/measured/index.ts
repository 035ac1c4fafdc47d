export { analyseInstances } from './analyse-instances.js';
export { nearestRank } from './percentile.js';
export { durationFigures, type Sample } from './duration-figures.js';
export { isoWeekInChina } from './iso-week.js';
export type {
  MeasuredInput, MeasuredOptions, MeasuredInstance, PauseSpan, MeasuredAnalysis, InstanceFigures,
  DurationFigures, OnTimeFigures, VersionFigures, DepartmentMeasuredFigures, WeekFigures,
} from './types.js';
