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
