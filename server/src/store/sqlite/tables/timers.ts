import type Database from 'better-sqlite3';
import type { InstanceCommit, TimerRecord } from '@tongban/engine';
import { allFromJson, fromJson } from './record-json.js';

/** Wake-ups: timer events and deadline lights. */
export function timersTable(db: Database.Database) {
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM timers WHERE id = ?');
  const upsert = db.prepare<[string, string, string, string, string]>(`
    INSERT INTO timers (id, instance_id, status, due_at, record) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, status = excluded.status,
      due_at = excluded.due_at, record = excluded.record,
      -- A timer rescheduled to a new instant (a deadline moved by a clock stop) starts afresh
      -- for the scheduler: the failures of its old instant do not hold it back.
      attempts = CASE WHEN timers.due_at = excluded.due_at THEN timers.attempts ELSE 0 END,
      next_attempt_at = CASE WHEN timers.due_at = excluded.due_at THEN timers.next_attempt_at ELSE NULL END`);
  // Only a scheduled timer closes; the patch is applied in SQL, without reading the row back.
  const close = db.prepare<[string, string, string]>("UPDATE timers SET status = ?, record = json_patch(record, ?) WHERE id = ? AND status = 'scheduled'");
  const ofInstance = db.prepare<[string], { record: string }>('SELECT record FROM timers WHERE instance_id = ? ORDER BY rowid');
  const ofInstanceIn = db.prepare<[string, string], { record: string }>('SELECT record FROM timers WHERE instance_id = ? AND status = ? ORDER BY rowid');
  const due = db.prepare<[string, number], { record: string }>(
    "SELECT record FROM timers WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at, id LIMIT ?");

  return {
    get: (id: string): TimerRecord | undefined => fromJson(byId.get(id)),
    write: (r: TimerRecord): void => {
      upsert.run(r.id, r.instanceId, r.status, r.dueAt, JSON.stringify(r));
    },
    close: (closed: InstanceCommit['timersClosed'][number]): void => {
      close.run(closed.status, JSON.stringify({ status: closed.status, closedAt: closed.at }), closed.id);
    },
    list: (instanceId: string, status?: TimerRecord['status']): TimerRecord[] =>
      allFromJson(status === undefined ? ofInstance.all(instanceId) : ofInstanceIn.all(instanceId, status)),
    due: (now: string, limit: number): TimerRecord[] => allFromJson(due.all(now, limit)),
  };
}
