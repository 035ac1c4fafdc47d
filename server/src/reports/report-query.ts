import type Database from 'better-sqlite3';
import type { HistoryRecord, MeasuredInstance, TaskRecord } from '@tongban/engine';
import type { Period } from '../calendar/index.js';

/**
 * At most this many completed instances go into one report (the latest by
 * end date); the response says when there were more. 10,000 instances with
 * their tasks is a few megabytes of JSON and well under a second of
 * analysis, so one request cannot hold the server for long.
 */
export const REPORT_INSTANCE_CAP = 10_000;

/** What the measured analysis of one process needs, read in a few bounded queries. */
export interface ReportData {
  readonly instances: MeasuredInstance[];
  readonly tasks: TaskRecord[];
  /** Only the clock commands (`clock.stop` / `clock.resume`) of instances that carry no pauses of their own. */
  readonly history: HistoryRecord[];
  /** Completed instances in the period; more than `instances.length` when capped. */
  readonly total: number;
  readonly capped: boolean;
  /** Instances of the process still running (not filtered by the period). */
  readonly inProgress: number;
  /** Applications received in the period with 容缺受理 or 告知承诺, and how the missing materials went. */
  readonly acceptance: AcceptanceCounts;
}

export interface AcceptanceCounts {
  readonly withMissingMaterials: number;
  readonly withCommitments: number;
  readonly awaitingSupplement: number;
  readonly endedForMissingMaterial: number;
}

// Bounds that every ISO instant sorts between, so one statement serves every period.
const EARLIEST = '0000';
const LATEST = '9999';

/**
 * Reads completed instances of a process by end date, their tasks and the
 * history that gives their clock pauses. The snapshot is removed from each
 * instance in SQL: reports never need it and it is most of the record.
 */
export function reportQuery(db: Database.Database) {
  const where = `process_id = @processId AND status = 'completed'
    AND json_extract(record, '$.endedAt') >= @from AND json_extract(record, '$.endedAt') < @to`;
  const completed = db.prepare<{ processId: string; from: string; to: string; limit: number }, { record: string }>(
    `SELECT json_remove(record, '$.snapshot') AS record FROM instances WHERE ${where}
     ORDER BY json_extract(record, '$.endedAt') DESC, id LIMIT @limit`);
  const count = db.prepare<{ processId: string; from: string; to: string }, { n: number }>(`SELECT count(*) AS n FROM instances WHERE ${where}`);
  const active = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM instances WHERE process_id = ? AND status = 'active'");
  const tasks = db.prepare<[string], { record: string }>('SELECT record FROM tasks WHERE instance_id IN (SELECT value FROM json_each(?)) ORDER BY rowid');
  // Received in the period (by start), whatever their status: a missing material matters from the day it is accepted.
  const acceptance = db.prepare<{ processId: string; from: string; to: string }, AcceptanceCounts>(`SELECT
      coalesce(sum(json_array_length(record, '$.materials') > 0), 0) AS withMissingMaterials,
      coalesce(sum(json_array_length(record, '$.commitments') > 0), 0) AS withCommitments,
      coalesce(sum(json_extract(record, '$.awaitingSupplement') = 1), 0) AS awaitingSupplement,
      coalesce(sum(json_extract(record, '$.ending.kind') = 'material-overdue'), 0) AS endedForMissingMaterial
    FROM instances WHERE process_id = @processId AND json_extract(record, '$.createdAt') >= @from AND json_extract(record, '$.createdAt') < @to`);
  const clockHistory = db.prepare<[string], { record: string }>(`SELECT record FROM history
    WHERE instance_id IN (SELECT value FROM json_each(?)) AND json_extract(record, '$.command.type') IN ('clock.stop', 'clock.resume')
    ORDER BY instance_id, revision`);

  return {
    read(processId: string, period: Period, cap: number = REPORT_INSTANCE_CAP): ReportData {
      const bounds = { processId, from: period.from ?? EARLIEST, to: period.to ?? LATEST };
      const instances = completed.all({ ...bounds, limit: cap }).map((row) => ({ ...(JSON.parse(row.record) as Omit<MeasuredInstance, 'snapshot'>), snapshot: '' }));
      const total = instances.length < cap ? instances.length : (count.get(bounds)?.n ?? instances.length);
      const ids = JSON.stringify(instances.map((i) => i.id));
      const unpaused = JSON.stringify(instances.filter((i) => i.pauses === undefined).map((i) => i.id));
      return {
        instances,
        tasks: tasks.all(ids).map((row) => JSON.parse(row.record) as TaskRecord),
        history: clockHistory.all(unpaused).map((row) => JSON.parse(row.record) as HistoryRecord),
        total,
        capped: total > instances.length,
        inProgress: active.get(processId)?.n ?? 0,
        acceptance: acceptance.get(bounds) ?? { withMissingMaterials: 0, withCommitments: 0, awaitingSupplement: 0, endedForMissingMaterial: 0 },
      };
    },
  };
}

export type ReportQuery = ReturnType<typeof reportQuery>;
