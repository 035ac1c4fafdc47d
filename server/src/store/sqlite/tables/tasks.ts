import type Database from 'better-sqlite3';
import type { InstanceCommit, TaskQuery, TaskRecord } from '@tongban/engine';
import { allFromJson, fromJson } from './record-json.js';

/** Human tasks; listed in the order they were opened (rowid order). */
export function tasksTable(db: Database.Database) {
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM tasks WHERE id = ?');
  // An upsert keeps the row (and its rowid, hence its place in lists).
  const upsert = db.prepare<[string, string, string, string | null, string, string, string | null, string]>(`
    INSERT INTO tasks (id, instance_id, status, department, process_id, created_at, due_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, status = excluded.status,
      department = excluded.department, process_id = excluded.process_id, created_at = excluded.created_at,
      due_at = excluded.due_at, record = excluded.record`);
  // Closing changes the status and a few record fields: patched in SQL, so
  // the row is neither read back nor parsed and re-serialised in JS.
  const close = db.prepare<[string, string, string]>('UPDATE tasks SET status = ?, record = json_patch(record, ?) WHERE id = ?');
  const lists = new Map<string, Database.Statement<unknown[], { record: string }>>();

  function listStatement(query: TaskQuery) {
    const where: string[] = [];
    if (query.instanceId !== undefined) where.push('instance_id = @instanceId');
    if (query.status !== undefined) where.push('status = @status');
    if (query.department !== undefined) where.push('department = @department');
    const key = where.join(' AND ');
    let statement = lists.get(key);
    if (!statement) {
      statement = db.prepare(`SELECT record FROM tasks ${key ? `WHERE ${key}` : ''} ORDER BY rowid LIMIT @limit`);
      lists.set(key, statement);
    }
    return statement;
  }

  function write(r: TaskRecord): void {
    upsert.run(r.id, r.instanceId, r.status, r.department ?? null, r.processId, r.createdAt, r.dueAt ?? null, JSON.stringify(r));
  }

  return {
    get: (id: string): TaskRecord | undefined => fromJson(byId.get(id)),
    write,
    /** Closes the task if it exists, whatever its status, as a spread of `closed` over the record would. */
    close: (closed: InstanceCommit['tasksClosed'][number]): void => {
      const patch = {
        status: closed.status, closedAt: closed.at,
        ...(closed.outcome ? { outcome: closed.outcome } : {}),
        ...(closed.by ? { completedBy: closed.by } : {}),
      };
      close.run(closed.status, JSON.stringify(patch), closed.id);
    },
    list: (query: TaskQuery): TaskRecord[] => {
      const { instanceId, status, department } = query;
      const params = { ...(instanceId !== undefined && { instanceId }), ...(status !== undefined && { status }), ...(department !== undefined && { department }), limit: query.limit ?? -1 };
      return allFromJson(listStatement(query).all(params));
    },
  };
}
