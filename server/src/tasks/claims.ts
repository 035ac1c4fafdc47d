import type Database from 'better-sqlite3';
import type { AuditTrail } from '../audit/index.js';

export type ClaimResult = { readonly ok: true } | { readonly ok: false; readonly holder: string };

/**
 * Claims from the department pool (抢单). The claim row is the lock: the
 * first INSERT wins under SQLite's write lock, whoever else tries gets the
 * holder back, and the audit row is written in the same transaction.
 */
export function taskClaims(db: Database.Database, audit: AuditTrail) {
  const insert = db.prepare<[string, string, string]>('INSERT INTO task_claims (task_id, user_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT (task_id) DO NOTHING');
  const holder = db.prepare<[string], { user_id: string }>('SELECT user_id FROM task_claims WHERE task_id = ?');
  const remove = db.prepare<[string, string]>('DELETE FROM task_claims WHERE task_id = ? AND user_id = ?');

  const claim = db.transaction((taskId: string, instanceId: string, userId: string, at: string): ClaimResult => {
    const inserted = insert.run(taskId, userId, at).changes === 1;
    const current = holder.get(taskId)?.user_id;
    if (!inserted && current !== userId) return { ok: false, holder: current ?? '' };
    if (inserted) audit.appendInTransaction({ at, actor: userId, action: 'task.claim', instanceId, target: taskId });
    return { ok: true };
  });
  const unclaim = db.transaction((taskId: string, instanceId: string, userId: string, at: string): boolean => {
    const removed = remove.run(taskId, userId).changes === 1;
    if (removed) audit.appendInTransaction({ at, actor: userId, action: 'task.unclaim', instanceId, target: taskId });
    return removed;
  });

  return {
    claim: (taskId: string, instanceId: string, userId: string, at: string): ClaimResult => claim.immediate(taskId, instanceId, userId, at),
    /** false when the user did not hold the claim. */
    unclaim: (taskId: string, instanceId: string, userId: string, at: string): boolean => unclaim.immediate(taskId, instanceId, userId, at),
    holder: (taskId: string): string | undefined => holder.get(taskId)?.user_id,
  };
}

export type TaskClaims = ReturnType<typeof taskClaims>;
