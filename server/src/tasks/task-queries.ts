import type Database from 'better-sqlite3';
import type { ClockPause, TaskRecord, TaskStatus } from '@tongban/engine';
import type { ReadScope } from '../access/index.js';

export type InboxView = 'pool' | 'mine' | 'all';
export type LightFilter = 'green' | 'yellow' | 'red';

export interface InboxQuery {
  readonly scope: ReadScope;
  readonly userId: string;
  /** pool: unclaimed (抢单); mine: claimed by me; all: both and others' claims. */
  readonly view: InboxView;
  readonly status: TaskStatus;
  readonly department?: string;
  readonly processId?: string;
  readonly instanceId?: string;
  readonly light?: LightFilter;
  /** Searches task names, instance ids and business keys. */
  readonly q?: string;
  readonly now: string;
  readonly limit: number;
  readonly offset: number;
}

export interface InboxRow {
  readonly task: TaskRecord;
  readonly assignee?: string;
  readonly businessKey?: string;
  /** The instance's clock stops still open: the light stands still while one is. */
  readonly openPauses: readonly ClockPause[];
}

interface Row { record: string; assignee: string | null; business_key: string | null; pauses: string | null }

/**
 * The task lists of the inbox, with the department scope, the claim and
 * the deadline light as SQL conditions, so `total` counts only what the
 * user may see.
 */
export function taskQueries(db: Database.Database) {
  const claimOf = db.prepare<[string], { user_id: string; claimed_at: string }>('SELECT user_id, claimed_at FROM task_claims WHERE task_id = ?');

  function where(q: InboxQuery): { clause: string; params: Record<string, unknown> } {
    const parts = ['t.status = @status'];
    const params: Record<string, unknown> = { status: q.status };
    if (q.scope.tasks !== 'all') {
      parts.push('t.department IN (SELECT value FROM json_each(@departments))');
      params.departments = JSON.stringify(q.scope.tasks);
    }
    if (q.view === 'pool') parts.push('c.user_id IS NULL');
    if (q.view === 'mine') { parts.push('c.user_id = @userId'); params.userId = q.userId; }
    if (q.department !== undefined) { parts.push('t.department = @department'); params.department = q.department; }
    if (q.processId !== undefined) { parts.push('t.process_id = @processId'); params.processId = q.processId; }
    if (q.instanceId !== undefined) { parts.push('t.instance_id = @instanceId'); params.instanceId = q.instanceId; }
    if (q.light !== undefined) {
      params.now = q.now;
      const warn = "json_extract(t.record, '$.warnAt')";
      if (q.light === 'red') parts.push('t.due_at IS NOT NULL AND t.due_at <= @now');
      if (q.light === 'yellow') parts.push(`(t.due_at IS NULL OR t.due_at > @now) AND ${warn} IS NOT NULL AND ${warn} <= @now`);
      if (q.light === 'green') parts.push(`(t.due_at IS NULL OR t.due_at > @now) AND (${warn} IS NULL OR ${warn} > @now)`);
    }
    if (q.q !== undefined) {
      parts.push("(json_extract(t.record, '$.name') LIKE @q ESCAPE '\\' OR t.instance_id LIKE @q ESCAPE '\\' OR json_extract(i.record, '$.businessKey') LIKE @q ESCAPE '\\')");
      params.q = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    return { clause: parts.join(' AND '), params };
  }

  return {
    inbox(q: InboxQuery): { rows: InboxRow[]; total: number } {
      const { clause, params } = where(q);
      const from = 'FROM tasks t JOIN instances i ON i.id = t.instance_id LEFT JOIN task_claims c ON c.task_id = t.id';
      const total = (db.prepare(`SELECT count(*) AS n ${from} WHERE ${clause}`).get(params) as { n: number }).n;
      const rows = db.prepare(`SELECT t.record, c.user_id AS assignee, json_extract(i.record, '$.businessKey') AS business_key,
          json_extract(i.record, '$.pauses') AS pauses
        ${from} WHERE ${clause} ORDER BY t.due_at IS NULL, t.due_at, t.rowid LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
      return {
        total,
        rows: rows.map((r) => ({
          task: JSON.parse(r.record) as TaskRecord,
          ...(r.assignee !== null ? { assignee: r.assignee } : {}),
          ...(r.business_key !== null ? { businessKey: r.business_key } : {}),
          openPauses: r.pauses ? (JSON.parse(r.pauses) as ClockPause[]).filter((p) => p.to === undefined) : [],
        })),
      };
    },
    claimOf(taskId: string): { userId: string; claimedAt: string } | undefined {
      const row = claimOf.get(taskId);
      return row ? { userId: row.user_id, claimedAt: row.claimed_at } : undefined;
    },
  };
}

export type TaskQueries = ReturnType<typeof taskQueries>;
