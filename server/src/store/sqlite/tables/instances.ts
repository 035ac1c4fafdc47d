import type Database from 'better-sqlite3';
import type { InstanceRecord } from '@tongban/engine';
import { fromJson } from './record-json.js';

/** Instances, with the revision that guards every commit. */
export function instancesTable(db: Database.Database) {
  const revision = db.prepare<[string], { revision: number }>('SELECT revision FROM instances WHERE id = ?');
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM instances WHERE id = ?');
  const upsert = db.prepare<[string, string, string, number, string, string, string]>(`
    INSERT INTO instances (id, process_id, status, revision, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET process_id = excluded.process_id, status = excluded.status,
      revision = excluded.revision, updated_at = excluded.updated_at, record = excluded.record`);

  return {
    revision: (id: string): number | undefined => revision.get(id)?.revision,
    get: (id: string): InstanceRecord | undefined => fromJson(byId.get(id)),
    write: (r: InstanceRecord): void => {
      upsert.run(r.id, r.processId, r.status, r.revision, r.createdAt, r.updatedAt, JSON.stringify(r));
    },
  };
}
