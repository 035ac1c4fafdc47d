import type { HistoryRecord, Instant, InstanceRecord, TaskRecord } from '../../runtime/index.js';
import type { Limit, WorkingCalendar } from '../../time/index.js';

/** A stretch during which the clock stood still (补正, 听证, 检验, 专家评审 …); `to` absent: until the end. */
export interface PauseSpan {
  readonly from: Instant;
  readonly to?: Instant;
}

/** An instance record, with the clock pauses the runtime keeps on it where it does. */
export type MeasuredInstance = Omit<InstanceRecord, 'pauses'> & { readonly pauses?: readonly PauseSpan[] };

export interface MeasuredInput {
  readonly instances: readonly MeasuredInstance[];
  readonly tasks: readonly TaskRecord[];
  /** Instance histories: `clock.stop` / `clock.resume` give the pauses of instances that carry none. */
  readonly history?: readonly HistoryRecord[];
  readonly calendar: WorkingCalendar;
  /** The whole application's promised limit (承诺时限). */
  readonly promisedLimit?: Limit;
  /** The whole application's legal limit (法定时限). */
  readonly legalLimit?: Limit;
}

export interface MeasuredOptions {
  /** Pauses per instance id; wins over the instance's own and its history's. */
  readonly pauses?: ReadonlyMap<string, readonly PauseSpan[]>;
}

/** How many were judged against a limit, and how many kept it. */
export interface OnTimeFigures {
  /** Judged: the limit was known. */
  readonly judged: number;
  readonly onTime: number;
  readonly overdue: number;
  /** `onTime / judged`; absent when nothing was judged. */
  readonly rate?: number;
}

/** Working-day statistics of a group (nearest-rank percentiles). */
export interface DurationFigures {
  readonly count: number;
  readonly p50WorkingDays: number;
  readonly p90WorkingDays: number;
  readonly meanWorkingDays: number;
  readonly promised: OnTimeFigures;
  readonly legal: OnTimeFigures;
}

export interface InstanceFigures {
  readonly instanceId: string;
  readonly processId: string;
  readonly version: number;
  readonly createdAt: Instant;
  readonly endedAt: Instant;
  /** ISO week of the end date in China Standard Time, e.g. `2025-W03`. */
  readonly week: string;
  /** Working time from start to end, less the pauses. */
  readonly workingMs: number;
  readonly workingDays: number;
  /** Working time the pauses took. */
  readonly pausedMs: number;
  /** Kept the promised / legal limit; absent when the limit is not known. */
  readonly onTimePromised?: boolean;
  readonly onTimeLegal?: boolean;
  /** Element ids of the completed tasks that held the instance up, in order. */
  readonly criticalTasks: string[];
  /** Their departments, in order, each once. */
  readonly criticalDepartments: string[];
}

export interface VersionFigures extends DurationFigures {
  readonly processId: string;
  readonly version: number;
  /** How often each department was on an instance's critical path, most often first. */
  readonly criticalDepartments: { readonly department: string; readonly instances: number }[];
}

export interface DepartmentMeasuredFigures extends DurationFigures {
  /** `''` for tasks without a department. */
  readonly department: string;
  /** Finished instances whose critical path passed through the department. */
  readonly onCriticalPath: number;
}

export interface WeekFigures extends DurationFigures {
  readonly week: string;
}

/** Measured processing times of finished instances (docs/analysis.md). Plain data. */
export interface MeasuredAnalysis {
  /** Completed instances, by end time. */
  readonly instances: InstanceFigures[];
  /** Instances left out: not completed, or without an end time. */
  readonly unfinished: number;
  readonly perVersion: VersionFigures[];
  /** Completed tasks' own working times, against each task's own limits. */
  readonly perDepartment: DepartmentMeasuredFigures[];
  readonly perWeek: WeekFigures[];
}
