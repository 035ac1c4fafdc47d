import type Database from 'better-sqlite3';
import { z } from 'zod';
import { Role } from './roles.js';

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly departments: readonly string[];
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface Row {
  id: string; username: string; display_name: string; password_hash: string; roles: string; departments: string;
  disabled: number; failed_logins: number; locked_until: string | null; created_at: string; updated_at: string;
}

const StringList = z.array(z.string());
const RoleList = z.array(Role);

function toRecord(row: Row): UserRecord {
  return {
    id: row.id, username: row.username, displayName: row.display_name,
    roles: RoleList.parse(JSON.parse(row.roles)), departments: StringList.parse(JSON.parse(row.departments)),
    disabled: row.disabled === 1, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export interface NewUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly departments: readonly string[];
}

export interface UserChanges {
  readonly displayName?: string;
  readonly passwordHash?: string;
  readonly roles?: readonly Role[];
  readonly departments?: readonly string[];
  readonly disabled?: boolean;
}

/** Accounts in the `users` table. Password hashes never leave this module except to `verifyPassword`. */
export function usersTable(db: Database.Database) {
  const byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?');
  const insert = db.prepare(`INSERT INTO users (id, username, display_name, password_hash, roles, departments, created_at, updated_at)
    VALUES (@id, @username, @displayName, @passwordHash, @roles, @departments, @at, @at)`);
  const failed = db.prepare<[string]>('UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?');
  const lock = db.prepare<[string, string]>('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?');
  const loggedIn = db.prepare<[string]>('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?');

  return {
    get: (id: string): UserRecord | undefined => {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    /** The account with what a sign-in needs to decide; only the accounts module calls this. */
    forSignIn: (username: string) => {
      const row = byName.get(username);
      return row ? { user: toRecord(row), passwordHash: row.password_hash, failedLogins: row.failed_logins, lockedUntil: row.locked_until ?? undefined } : undefined;
    },
    byUsername: (username: string): UserRecord | undefined => {
      const row = byName.get(username);
      return row ? toRecord(row) : undefined;
    },
    list: (query: { department?: string; role?: Role; limit: number; offset: number }): { items: UserRecord[]; total: number } => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (query.department !== undefined) { where.push('EXISTS (SELECT 1 FROM json_each(departments) WHERE value = @department)'); params.department = query.department; }
      if (query.role !== undefined) { where.push('EXISTS (SELECT 1 FROM json_each(roles) WHERE value = @role)'); params.role = query.role; }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM users ${clause}`).get(params) as { n: number }).n;
      const rows = db.prepare(`SELECT * FROM users ${clause} ORDER BY username LIMIT @limit OFFSET @offset`).all({ ...params, limit: query.limit, offset: query.offset }) as Row[];
      return { items: rows.map(toRecord), total };
    },
    insert: (user: NewUser, at: string): void => {
      insert.run({ ...user, roles: JSON.stringify(user.roles), departments: JSON.stringify(user.departments), at });
    },
    update: (id: string, changes: UserChanges, at: string): void => {
      const sets: string[] = ['updated_at = @at'];
      const params: Record<string, unknown> = { id, at };
      if (changes.displayName !== undefined) { sets.push('display_name = @displayName'); params.displayName = changes.displayName; }
      if (changes.passwordHash !== undefined) { sets.push('password_hash = @passwordHash'); params.passwordHash = changes.passwordHash; }
      if (changes.roles !== undefined) { sets.push('roles = @roles'); params.roles = JSON.stringify(changes.roles); }
      if (changes.departments !== undefined) { sets.push('departments = @departments'); params.departments = JSON.stringify(changes.departments); }
      if (changes.disabled !== undefined) { sets.push('disabled = @disabled'); params.disabled = changes.disabled ? 1 : 0; }
      db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = @id`).run(params);
    },
    /** One more failed sign-in, or a lock until `lockUntil` (which resets the count). */
    recordFailure: (id: string, lockUntil: string | undefined): void => {
      if (lockUntil === undefined) failed.run(id);
      else lock.run(lockUntil, id);
    },
    recordSuccess: (id: string): void => {
      loggedIn.run(id);
    },
  };
}

export type UsersTable = ReturnType<typeof usersTable>;
