import type Database from 'better-sqlite3';

/**
 * Claim rows written on behalf of an action rather than by a clerk's 抢单:
 * a take back (拿回) holds the next tasks while it runs, so a clerk's claim
 * racing it either lands first (and the take back is refused) or finds the
 * tasks held (and is refused); a transfer (转办) moves the claim to the new
 * clerk. The engine commit of the action is the audit record.
 */
export function taskHolds(db: Database.Database) {
  const holder = db.prepare<[string], { user_id: string }>('SELECT user_id FROM task_claims WHERE task_id = ?');
  const insert = db.prepare<[string, string, string]>('INSERT INTO task_claims (task_id, user_id, claimed_at) VALUES (?, ?, ?)');
  const remove = db.prepare<[string, string]>('DELETE FROM task_claims WHERE task_id = ? AND user_id = ?');
  const removeAny = db.prepare<[string]>('DELETE FROM task_claims WHERE task_id = ?');
  const insertIfFree = db.prepare<[string, string, string]>('INSERT INTO task_claims (task_id, user_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT (task_id) DO NOTHING');

  /** Holds every unclaimed task for the user; returns the ids it inserted, or the first task someone else holds. */
  const hold = db.transaction((taskIds: readonly string[], userId: string, at: string): { ok: true; held: string[] } | { ok: false; taskId: string; holder: string } => {
    const held: string[] = [];
    for (const id of taskIds) {
      const current = holder.get(id)?.user_id;
      if (current !== undefined && current !== userId) {
        for (const h of held) remove.run(h, userId);
        return { ok: false, taskId: id, holder: current };
      }
      if (current === undefined) { insert.run(id, userId, at); held.push(id); }
    }
    return { ok: true, held };
  });
  const release = db.transaction((taskIds: readonly string[], userId: string) => {
    for (const id of taskIds) remove.run(id, userId);
  });
  const handOver = db.transaction((taskId: string, to: string, at: string) => {
    removeAny.run(taskId);
    insert.run(taskId, to, at);
  });

  return {
    hold: (taskIds: readonly string[], userId: string, at: string) => hold.immediate(taskIds, userId, at),
    release: (taskIds: readonly string[], userId: string): void => release.immediate(taskIds, userId),
    /** The task's claim now belongs to `to`, whoever held it. */
    handOver: (taskId: string, to: string, at: string): void => handOver.immediate(taskId, to, at),
    /** Claims the task for `userId` unless someone holds it already. */
    claimIfFree: (taskId: string, userId: string, at: string): void => { insertIfFree.run(taskId, userId, at); },
    holder: (taskId: string): string | undefined => holder.get(taskId)?.user_id,
  };
}
