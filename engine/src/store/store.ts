import type {
  Deadlines, DefinitionRecord, HistoryRecord, Instant, InstanceRecord, JobRecord, JobStatus, TaskRecord, TaskStatus, TimerRecord, TimerStatus,
} from '../runtime/records.js';

/** Changes to the rows that belong to one instance, written with it. */
export interface InstanceCommit {
  /** The instance as it is after the command; `revision` = expectedRevision + 1. */
  readonly instance: InstanceRecord;
  /** 0 creates the instance (and fails if it exists). */
  readonly expectedRevision: number;
  readonly tasksOpened: readonly TaskRecord[];
  /** New deadlines of open tasks (after a pause). */
  readonly tasksUpdated?: readonly ({ readonly id: string } & Deadlines)[];
  readonly tasksClosed: readonly { readonly id: string; readonly status: Exclude<TaskStatus, 'open'>; readonly at: Instant; readonly outcome?: 'approve' | 'reject'; readonly by?: string }[];
  readonly timersScheduled: readonly TimerRecord[];
  readonly timersClosed: readonly { readonly id: string; readonly status: Exclude<TimerStatus, 'scheduled'>; readonly at: Instant }[];
  readonly jobsEnqueued: readonly JobRecord[];
  readonly jobsClosed: readonly { readonly id: string; readonly status: Exclude<JobStatus, 'pending'>; readonly at: Instant; readonly error?: string }[];
  readonly history: HistoryRecord;
}

export interface TaskQuery {
  readonly instanceId?: string;
  readonly status?: TaskStatus;
  readonly department?: string;
  readonly limit?: number;
}

/**
 * The engine's persistence port. Adapters (memory here; SQLite and MongoDB
 * in the server) pass `describeStoreContract` from `@tongban/engine/testing`.
 *
 * `commit` is the only way instance state changes: it writes the instance,
 * its task, timer and job changes and the history record atomically, or
 * throws `ConflictError` and writes nothing when the stored revision is not
 * `expectedRevision`.
 */
export interface Store {
  /** Stores a new version of a process; the version is one more than the latest. */
  deployDefinition(input: { readonly processId: string; readonly name?: string; readonly xml: string; readonly deployedAt: Instant }): Promise<DefinitionRecord>;
  /** The given version, or the latest when `version` is omitted. */
  getDefinition(processId: string, version?: number): Promise<DefinitionRecord | undefined>;

  commit(commit: InstanceCommit): Promise<void>;
  getInstance(id: string): Promise<InstanceRecord | undefined>;

  getTask(id: string): Promise<TaskRecord | undefined>;
  listTasks(query: TaskQuery): Promise<TaskRecord[]>;
  getTimer(id: string): Promise<TimerRecord | undefined>;
  /** The instance's timers, optionally only those in one status. */
  listTimers(query: { readonly instanceId: string; readonly status?: TimerStatus }): Promise<TimerRecord[]>;
  /** Scheduled timers due at or before `now`, earliest first. */
  listDueTimers(now: Instant, limit: number): Promise<TimerRecord[]>;
  getJob(id: string): Promise<JobRecord | undefined>;
  listPendingJobs(limit: number): Promise<JobRecord[]>;
  /** The instance's history, in revision order. */
  listHistory(instanceId: string): Promise<HistoryRecord[]>;
}
