import type Database from 'better-sqlite3';
import type { InstanceCommit, JobRecord } from '@tongban/engine';
import { allFromJson, fromJson } from './record-json.js';

/** Connector jobs; pending ones are handed out oldest first. */
export function jobsTable(db: Database.Database) {
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM jobs WHERE id = ?');
  const upsert = db.prepare<[string, string, string, string]>(`
    INSERT INTO jobs (id, instance_id, status, record) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, status = excluded.status, record = excluded.record`);
  // The patch is applied in SQL, without reading the row back.
  const close = db.prepare<[string, string, string]>('UPDATE jobs SET status = ?, record = json_patch(record, ?) WHERE id = ?');
  const pending = db.prepare<[number], { record: string }>("SELECT record FROM jobs WHERE status = 'pending' ORDER BY rowid LIMIT ?");

  return {
    get: (id: string): JobRecord | undefined => fromJson(byId.get(id)),
    write: (r: JobRecord): void => {
      upsert.run(r.id, r.instanceId, r.status, JSON.stringify(r));
    },
    close: (closed: InstanceCommit['jobsClosed'][number]): void => {
      const patch = { status: closed.status, closedAt: closed.at, ...(closed.error ? { error: closed.error } : {}) };
      close.run(closed.status, JSON.stringify(patch), closed.id);
    },
    pending: (limit: number): JobRecord[] => allFromJson(pending.all(limit)),
  };
}
