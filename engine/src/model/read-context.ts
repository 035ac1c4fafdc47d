import type { Problem, Severity } from '../problems/index.js';

/**
 * FEEL checked per document, in characters. Checking costs far more per
 * character than reading XML (see feel-syntax.ts), so a document full of
 * expressions gets the first ones checked and a warning for the rest; the
 * compiler checks every expression again anyway.
 */
const FEEL_CHECK_BUDGET = 5_000;

export interface FeelBudget {
  remaining: number;
  reported: boolean;
}

/** What every reader of one process shares: where problems go, and how bad "cannot run" is. */
export interface ReadContext {
  readonly problems: Problem[];
  /** `error` in an executable process, `warning` in one that is only documentation. */
  readonly runnability: Severity;
  /** Shared by all processes of the document. */
  readonly feel: FeelBudget;
}

export function feelBudget(): FeelBudget {
  return { remaining: FEEL_CHECK_BUDGET, reported: false };
}

export function readContext(problems: Problem[], executable: boolean, feel: FeelBudget): ReadContext {
  return { problems, runnability: executable ? 'error' : 'warning', feel };
}
