import { Problem } from '../http/problem.js';
import type { AuditTrail } from '../audit/index.js';
import { verifyPassword } from './passwords.js';
import type { CurrentUser } from './roles.js';
import type { SessionsTable } from './sessions.js';
import type { UserRecord, UsersTable } from './users.js';

/** Consecutive failures after which an account is locked, and for how long. */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** Failed sign-ins one address may make in a window, whatever the usernames (password spraying). */
const ADDRESS_FAILURES = 30;
const ADDRESS_WINDOW_MS = 15 * 60_000;

export interface SignInDeps {
  readonly users: UsersTable;
  readonly sessions: SessionsTable;
  readonly audit: AuditTrail;
}

/**
 * Signing in and out, and finding the user of a session token. Failures
 * say only "wrong username or password", whether the account exists, is
 * disabled or the password is wrong; locks are per account and per address.
 */
export function signIn(deps: SignInDeps) {
  const addressFailures = new Map<string, number[]>();

  function addressBlocked(address: string, now: number): number {
    const recent = (addressFailures.get(address) ?? []).filter((t) => now - t < ADDRESS_WINDOW_MS);
    addressFailures.set(address, recent);
    if (recent.length < ADDRESS_FAILURES) return 0;
    return Math.ceil((ADDRESS_WINDOW_MS - (now - (recent[0] ?? now))) / 1000);
  }

  return {
    async login(username: string, password: string, address: string, now: Date): Promise<{ token: string; user: UserRecord; csrfToken: string }> {
      const blocked = addressBlocked(address, now.getTime());
      if (blocked > 0) throw new Problem('session/locked', 'Too many failed sign-ins from this address', { retryAfterSeconds: blocked });
      const account = deps.users.forSignIn(username);
      if (account?.lockedUntil !== undefined && Date.parse(account.lockedUntil) > now.getTime()) {
        throw new Problem('session/locked', undefined, { retryAfterSeconds: Math.ceil((Date.parse(account.lockedUntil) - now.getTime()) / 1000) });
      }
      const passwordOk = await verifyPassword(account?.passwordHash, password);
      if (!account || !passwordOk || account.user.disabled) {
        addressFailures.set(address, [...(addressFailures.get(address) ?? []), now.getTime()]);
        if (account) {
          const lock = account.failedLogins + 1 >= LOCKOUT_AFTER ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : undefined;
          deps.users.recordFailure(account.user.id, lock);
          deps.audit.append({ at: now.toISOString(), actor: account.user.id, action: lock ? 'session.locked' : 'session.login-failed', target: account.user.id });
        }
        throw new Problem('session/invalid-credentials');
      }
      deps.users.recordSuccess(account.user.id);
      const { token, row } = deps.sessions.create(account.user.id, now);
      deps.audit.append({ at: now.toISOString(), actor: account.user.id, action: 'session.login', target: account.user.id });
      return { token, user: account.user, csrfToken: row.csrfToken };
    },

    /** The user of a live session token; undefined for an unknown, expired or revoked one, or a disabled account. */
    authenticate(token: string, now: Date): CurrentUser | undefined {
      const session = deps.sessions.resolve(token, now);
      if (!session) return undefined;
      const user = deps.users.get(session.userId);
      if (!user || user.disabled) return undefined;
      return {
        id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, departments: user.departments,
        sessionId: session.id, csrfToken: session.csrfToken,
      };
    },

    logout(user: CurrentUser, now: Date): void {
      deps.sessions.revoke(user.sessionId, now);
      deps.audit.append({ at: now.toISOString(), actor: user.id, action: 'session.logout', target: user.id });
    },
  };
}

export type SignIn = ReturnType<typeof signIn>;
