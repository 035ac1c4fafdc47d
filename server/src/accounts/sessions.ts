import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Only a hash of the token is stored, so a copy of the database does not hold live sessions. */
function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface SessionRow {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
}

/** Don't write `last_seen_at` on every request: once a minute is precise enough for an idle timeout of minutes. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionTimeouts {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** Server-side sessions: revocable, with idle and absolute timeouts. */
export function sessionsTable(db: Database.Database, timeouts: SessionTimeouts) {
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare<[string], { id: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; revoked_at: string | null }>(
    'SELECT * FROM sessions WHERE id = ?');
  const touch = db.prepare<[string, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const revoke = db.prepare<[string, string]>('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeUser = db.prepare<[string, string]>('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL');

  return {
    /** A new session with fresh random tokens (a sign-in never reuses one: no fixation). */
    create(userId: string, now: Date): { token: string; row: SessionRow } {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const at = now.toISOString();
      const id = sessionId(token);
      insert.run(id, userId, csrfToken, at, at);
      return { token, row: { id, userId, csrfToken, createdAt: at, lastSeenAt: at } };
    },
    /** The live session of a token, or undefined when it is unknown, revoked, idle too long or too old. */
    resolve(token: string, now: Date): SessionRow | undefined {
      const row = byId.get(sessionId(token));
      if (!row || row.revoked_at !== null) return undefined;
      const t = now.getTime();
      if (t - Date.parse(row.last_seen_at) > timeouts.idleMs || t - Date.parse(row.created_at) > timeouts.absoluteMs) return undefined;
      if (t - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) touch.run(now.toISOString(), row.id);
      return { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
    },
    revoke(id: string, now: Date): void {
      revoke.run(now.toISOString(), id);
    },
    revokeAllOf(userId: string, now: Date): void {
      revokeUser.run(now.toISOString(), userId);
    },
  };
}

export type SessionsTable = ReturnType<typeof sessionsTable>;
