import type { ProcessModel } from '../../model/index.js';
import type { Problem } from '../../problems/index.js';

/** Counts a "one thing" published before and after re-engineering (一次告知、一套材料、最多跑一次). */
export interface DesignMetadata {
  readonly materialsBefore?: number;
  readonly materialsAfter?: number;
  readonly visitsBefore?: number;
  readonly visitsAfter?: number;
}

export interface DesignOptions {
  /**
   * Office hours in a working day, to turn `wh` limits into working days.
   * Default 7: 09:00–12:00 and 13:30–17:30.
   */
  readonly hoursPerDay?: number;
  /** The serial as-is process: the as-is duration becomes the longest path of its legal limits. */
  readonly asIsModel?: ProcessModel;
  /** Working days of a called process, by `calledElement`; a call activity not listed counts 0. */
  readonly calledDurations?: Readonly<Record<string, number>>;
  readonly metadata?: DesignMetadata;
}

export type AsIsBasis = 'legal-serial-sum' | 'as-is-path';

export interface AsIsDuration {
  readonly workingDays: number;
  /** `legal-serial-sum`: every item's legal limit added up; `as-is-path`: longest path through `asIsModel`. */
  readonly basis: AsIsBasis;
}

export interface ToBeDuration {
  /** Critical path of the promised limits, every exclusive choice at its worst branch. */
  readonly workingDays: number;
  /** The same with exclusive choices weighted by `tb:probability`; only when some flow has one. */
  readonly expectedWorkingDays?: number;
}

export interface DepartmentDesignFigures {
  /** `''` for tasks without a department. */
  readonly department: string;
  /** Ids of the department's user tasks, in document order. */
  readonly tasks: string[];
  /** Sum of the tasks' promised limits (as on the to-be duration). */
  readonly promisedWorkingDays: number;
  /** Sum of the tasks' legal limits (a task without one counts its promised limit). */
  readonly legalWorkingDays: number;
  /** Some task of the department has no slack. */
  readonly onCriticalPath: boolean;
}

export interface PrefillSavings {
  /** `field:path` pairs of every `tb:prefill` binding. */
  readonly fieldsPrefilled: number;
  /** Connectors the bindings call, in order of first use. */
  readonly connectors: string[];
  /** `materialsBefore − materialsAfter`, when both are given. */
  readonly materialsSaved?: number;
  /** `visitsBefore − visitsAfter`, when both are given. */
  readonly visitsSaved?: number;
}

/** Something the figures rest on that a reader should know (a call activity counted as 0, a loop counted once). */
export interface DesignNote {
  readonly code: string;
  readonly elementId?: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The design-time time-limit analysis of one process version. Plain data; every duration is in working days. */
export interface DesignAnalysis {
  readonly processId: string;
  readonly hoursPerDay: number;
  readonly asIs: AsIsDuration;
  readonly toBe: ToBeDuration;
  /** `1 − toBe / asIs` (0.9 means 90 % shorter); 0 when the as-is duration is 0, negative when the to-be is longer. */
  readonly compressionRatio: number;
  /** `asIs / toBe`; absent when the to-be duration is 0. */
  readonly speedUp?: number;
  /** User tasks, timer waits and call activities on one critical path, in order; sub-processes expanded. */
  readonly criticalPath: string[];
  /** Departments with a task that has no slack, by the task's earliest start. */
  readonly criticalDepartments: string[];
  /** Working days each reachable user task can slip without lengthening the to-be duration. */
  readonly slack: Record<string, number>;
  readonly perDepartment: DepartmentDesignFigures[];
  /** User tasks without `tb:legalTimeLimit`: their promised limit stands in for it. */
  readonly missingLegalLimit: string[];
  /** User tasks without `tb:timeLimit`: their legal limit (or 0) stands in for it. */
  readonly missingTimeLimit: string[];
  readonly prefill: PrefillSavings;
  readonly notes: DesignNote[];
  readonly problems: Problem[];
}
