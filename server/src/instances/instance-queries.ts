import type Database from 'better-sqlite3';
import type { InstanceRecord, InstanceStatus } from '@tongban/engine';
import type { ReadScope } from '../access/index.js';

export interface InstanceListQuery {
  readonly scope: ReadScope;
  readonly processId?: string;
  readonly status?: InstanceStatus;
  /** Searches instance ids and business keys. */
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Instance lists and the scope check of one instance, with the department scope inside the SQL. */
export function instanceQueries(db: Database.Database) {
  const inDepartments = 'EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.department IN (SELECT value FROM json_each(@departments)))';
  const visible = db.prepare<{ id: string; departments: string }, { n: number }>(`SELECT count(*) AS n FROM instances i WHERE i.id = @id AND ${inDepartments}`);

  return {
    list(q: InstanceListQuery): { items: InstanceRecord[]; total: number } {
      const parts: string[] = [];
      const params: Record<string, unknown> = {};
      if (q.scope.instances !== 'all') { parts.push(inDepartments); params.departments = JSON.stringify(q.scope.instances); }
      if (q.processId !== undefined) { parts.push('i.process_id = @processId'); params.processId = q.processId; }
      if (q.status !== undefined) { parts.push('i.status = @status'); params.status = q.status; }
      if (q.q !== undefined) {
        parts.push("(i.id LIKE @q ESCAPE '\\' OR json_extract(i.record, '$.businessKey') LIKE @q ESCAPE '\\')");
        params.q = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      const clause = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM instances i ${clause}`).get(params) as { n: number }).n;
      const rows = db.prepare(`SELECT i.record FROM instances i ${clause} ORDER BY i.created_at DESC, i.rowid DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: q.limit, offset: q.offset }) as { record: string }[];
      return { total, items: rows.map((r) => JSON.parse(r.record) as InstanceRecord) };
    },
    /** Whether the instance exists within the scope (for one-instance routes: out of scope reads as not found). */
    isVisible(id: string, scope: ReadScope): boolean {
      if (scope.instances === 'all') return true;
      return (visible.get({ id, departments: JSON.stringify(scope.instances) })?.n ?? 0) > 0;
    },
  };
}

export type InstanceQueries = ReturnType<typeof instanceQueries>;
