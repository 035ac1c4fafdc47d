import type Database from 'better-sqlite3';
import type { HistoryRecord } from '@tongban/engine';
import { allFromJson } from './record-json.js';

/** The append-only history: one row per commit, keyed by instance and revision. */
export function historyTable(db: Database.Database) {
  const insert = db.prepare<[string, number, string, string]>('INSERT INTO history (instance_id, revision, at, record) VALUES (?, ?, ?, ?)');
  const ofInstance = db.prepare<[string], { record: string }>('SELECT record FROM history WHERE instance_id = ? ORDER BY revision');

  return {
    append: (r: HistoryRecord): void => {
      insert.run(r.instanceId, r.revision, r.at, JSON.stringify(r));
    },
    list: (instanceId: string): HistoryRecord[] => allFromJson(ofInstance.all(instanceId)),
  };
}
