import type Database from 'better-sqlite3';
import type { LeaseKind } from './lease-table.js';

/** A timer or job that failed every attempt and waits for an administrator. */
export interface IncidentRecord {
  readonly id: string;
  readonly kind: LeaseKind;
  /** The timer's or job's id. */
  readonly targetId: string;
  readonly instanceId: string;
  /** The BPMN element of the timer or job, when the row still exists. */
  readonly elementId?: string;
  /** The last error, masked and shortened (see `safeMessage`). */
  readonly message: string;
  readonly attempts: number;
  readonly createdAt: string;
  readonly resolvedAt?: string;
  /** User id of the administrator who retried it. */
  readonly resolvedBy?: string;
}

export type IncidentStatus = 'open' | 'resolved';

interface Row {
  id: string; kind: LeaseKind; target_id: string; instance_id: string; element_id: string | null; message: string;
  attempts: number; created_at: string; resolved_at: string | null; resolved_by: string | null;
}

const SELECT = `
  SELECT i.*, CASE i.kind
    WHEN 'timer' THEN (SELECT json_extract(record, '$.elementId') FROM timers WHERE id = i.target_id)
    ELSE (SELECT json_extract(record, '$.elementId') FROM jobs WHERE id = i.target_id) END AS element_id
  FROM incidents i`;

/** The `incidents` table (migration 2). */
export function incidentsTable(db: Database.Database) {
  const insert = db.prepare(`INSERT INTO incidents (id, kind, target_id, instance_id, message, attempts, created_at)
    VALUES (@id, @kind, @targetId, @instanceId, @message, @attempts, @createdAt)`);
  const byId = db.prepare<[string], Row>(`${SELECT} WHERE i.id = ?`);
  const open = db.prepare<[number, number], Row>(`${SELECT} WHERE i.resolved_at IS NULL ORDER BY i.created_at DESC, i.id LIMIT ? OFFSET ?`);
  const resolved = db.prepare<[number, number], Row>(`${SELECT} WHERE i.resolved_at IS NOT NULL ORDER BY i.resolved_at DESC, i.id LIMIT ? OFFSET ?`);
  const countOpen = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM incidents WHERE resolved_at IS NULL');
  const countResolved = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM incidents WHERE resolved_at IS NOT NULL');
  const resolve = db.prepare<{ id: string; at: string; by: string }>(
    'UPDATE incidents SET resolved_at = @at, resolved_by = @by WHERE id = @id AND resolved_at IS NULL');

  return {
    insert: (r: Omit<IncidentRecord, 'elementId' | 'resolvedAt' | 'resolvedBy'>): void => {
      insert.run(r);
    },
    get: (id: string): IncidentRecord | undefined => {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    list: (q: { status: IncidentStatus; limit: number; offset: number }): { items: IncidentRecord[]; total: number } => {
      const rows = (q.status === 'open' ? open : resolved).all(q.limit, q.offset);
      const total = (q.status === 'open' ? countOpen : countResolved).get()?.n ?? 0;
      return { items: rows.map(toRecord), total };
    },
    /** Marks it resolved; false when it already was. */
    resolve: (id: string, at: string, by: string): boolean => resolve.run({ id, at, by }).changes === 1,
  };
}

export type IncidentsTable = ReturnType<typeof incidentsTable>;

function toRecord(row: Row): IncidentRecord {
  return {
    id: row.id, kind: row.kind, targetId: row.target_id, instanceId: row.instance_id, message: row.message,
    attempts: row.attempts, createdAt: row.created_at,
    ...(row.element_id !== null ? { elementId: row.element_id } : {}),
    ...(row.resolved_at !== null ? { resolvedAt: row.resolved_at } : {}),
    ...(row.resolved_by !== null ? { resolvedBy: row.resolved_by } : {}),
  };
}
