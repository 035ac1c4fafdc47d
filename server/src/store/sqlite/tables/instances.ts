import type Database from 'better-sqlite3';
import type { InstanceRecord } from '@tongban/engine';
import { fromJson } from './record-json.js';

/** What a commit reads of the stored instance: the revision it checks, and the indexed columns it may leave alone. */
export interface StoredInstance {
  readonly revision: number;
  readonly status: string;
  readonly processId: string;
}

/** Instances, with the revision that guards every commit. */
export function instancesTable(db: Database.Database) {
  const current = db.prepare<[string], StoredInstance>('SELECT revision, status, process_id AS processId FROM instances WHERE id = ?');
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM instances WHERE id = ?');
  const insert = db.prepare<[string, string, string, number, string, string, string]>(
    'INSERT INTO instances (id, process_id, status, revision, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // SQLite rewrites an index entry only when the UPDATE sets one of its
  // columns, so most commits, which keep the status, leave
  // instances_by_process alone: one page less in the WAL per commit.
  const update = db.prepare<[number, string, string, string]>('UPDATE instances SET revision = ?, updated_at = ?, record = ? WHERE id = ?');
  const updateIndexed = db.prepare<[string, string, number, string, string, string]>(
    'UPDATE instances SET process_id = ?, status = ?, revision = ?, updated_at = ?, record = ? WHERE id = ?');

  return {
    current: (id: string): StoredInstance | undefined => current.get(id),
    get: (id: string): InstanceRecord | undefined => fromJson(byId.get(id)),
    /** Writes `r` over `stored`, the row as `current` read it in this transaction (undefined: a new instance). */
    write: (r: InstanceRecord, stored: StoredInstance | undefined): void => {
      const record = JSON.stringify(r);
      if (stored === undefined) insert.run(r.id, r.processId, r.status, r.revision, r.createdAt, r.updatedAt, record);
      else if (stored.status === r.status && stored.processId === r.processId) update.run(r.revision, r.updatedAt, record, r.id);
      else updateIndexed.run(r.processId, r.status, r.revision, r.updatedAt, record, r.id);
    },
  };
}
