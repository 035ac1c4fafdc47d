import type { Problem, Severity } from '../problems/index.js';

/** What every reader of one process shares: where problems go, and how bad "cannot run" is. */
export interface ReadContext {
  readonly problems: Problem[];
  /** `error` in an executable process, `warning` in one that is only documentation. */
  readonly runnability: Severity;
}

export function readContext(problems: Problem[], executable: boolean): ReadContext {
  return { problems, runnability: executable ? 'error' : 'warning' };
}
