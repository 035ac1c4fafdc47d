export { analyseDesign } from './analyse-design.js';
export { limitToWorkingDays, DEFAULT_HOURS_PER_DAY, WORKING_DAYS_PER_CALENDAR_DAY } from './working-days.js';
export type {
  DesignOptions, DesignMetadata, DesignAnalysis, AsIsDuration, AsIsBasis, ToBeDuration,
  DepartmentDesignFigures, PrefillSavings, DesignNote,
} from './types.js';
