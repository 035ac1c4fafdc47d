import type Database from 'better-sqlite3';
import type { JobRecord } from '@tongban/engine';
import { allFromJson, fromJson } from './record-json.js';

/** Connector jobs; pending ones are handed out oldest first. */
export function jobsTable(db: Database.Database) {
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM jobs WHERE id = ?');
  const upsert = db.prepare<[string, string, string, string]>(`
    INSERT INTO jobs (id, instance_id, status, record) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, status = excluded.status, record = excluded.record`);
  const pending = db.prepare<[number], { record: string }>("SELECT record FROM jobs WHERE status = 'pending' ORDER BY rowid LIMIT ?");

  return {
    get: (id: string): JobRecord | undefined => fromJson(byId.get(id)),
    write: (r: JobRecord): void => {
      upsert.run(r.id, r.instanceId, r.status, JSON.stringify(r));
    },
    pending: (limit: number): JobRecord[] => allFromJson(pending.all(limit)),
  };
}
