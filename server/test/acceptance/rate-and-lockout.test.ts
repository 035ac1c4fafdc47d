/**
 * Acceptance: request rate, sign-in lockout, disabled accounts and session
 * timeouts. The rate limit runs on a server with a small budget (1 request
 * a second, a burst of 5); the rest on a server whose clock the test moves
 * by hand, so a 15-minute lock or a 12-hour session takes no time at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@tongban/engine/testing';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';
import { expectProblem } from '../support/acceptance.js';

const MINUTE = 60_000;

interface SessionView { user: { id: string; username: string } }

describe('the per-user request rate', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TONGBAN_RATE_PER_SECOND: '1', TONGBAN_RATE_BURST: '5' } });
  }, 30_000);
  afterAll(() => server?.dispose());

  it('answers 429 problem+json with Retry-After once a user spends the burst, and only that user', async () => {
    // Sign-ins count against the address's bucket (two of its five), not the users'.
    const busy = await server.signIn('manager');
    const other = await server.signIn('designer');
    let limited: Awaited<ReturnType<ApiClient['get']>> | undefined;
    let accepted = 0;
    // Five in a burst, then one a second: twenty requests in a row outrun it on any machine.
    for (let i = 0; i < 20 && !limited; i++) {
      const answer = await busy.get('/api/session');
      if (answer.status === 429) limited = answer;
      else {
        expect(answer.status).toBe(200);
        accepted++;
      }
    }
    expect(limited, 'a 429 within twenty requests').toBeDefined();
    expect(accepted).toBeGreaterThanOrEqual(5);
    const problem = expectProblem(limited!);
    expect(problem.code).toBe('rate/limited');
    const retryAfter = limited!.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // The limit is per user: another user's requests still go through.
    expect((await other.get('/api/session')).status).toBe(200);
    // Health checks are not rate limited.
    expect((await server.anonymous().get('/healthz')).status).toBe(200);
    expect((await server.anonymous().get('/readyz')).status).toBe(200);
  });

  it('limits a state-changing request the same way, before it reads or writes anything', async () => {
    const admin = await server.signIn('admin');
    let limited: Awaited<ReturnType<ApiClient['put']>> | undefined;
    const names: string[] = [];
    for (let i = 0; i < 20 && !limited; i++) {
      const answer = await admin.put(`/api/departments/rate-${i}`, { name: `限流测试 ${i}` });
      if (answer.status === 429) limited = answer;
      else {
        expect(answer.status, answer.text).toBe(200);
        names.push(`rate-${i}`);
      }
    }
    expect(limited).toBeDefined();
    expectProblem(limited!);
    expect(limited!.headers.get('retry-after')).toMatch(/^\d+$/);
    // The refused request created nothing.
    const refused = `rate-${names.length}`;
    const row = server.services.db.prepare('SELECT count(*) AS n FROM departments WHERE id = ?').get(refused) as { n: number };
    expect(row.n).toBe(0);
  });
});

describe('with a clock moved by hand', () => {
  let server: TestServer;
  let clock: FakeClock;
  beforeAll(async () => {
    clock = new FakeClock('2026-03-02T01:00:00.000Z');
    server = await startTestServer({ clock });
  }, 30_000);
  afterAll(() => server?.dispose());

  describe('sign-in lockout', () => {
    it('locks an account after 5 wrong passwords: 429 session/locked with Retry-After, even for the right password, until the lock ends', async () => {
      const client = server.anonymous();
      for (let i = 1; i <= 5; i++) {
        const wrong = await client.post('/api/session', { username: 'clerk-health', password: `wrong-${i}` });
        expect(wrong.status, `attempt ${i}`).toBe(401);
        expect(expectProblem(wrong).code).toBe('session/invalid-credentials');
      }
      for (const password of ['tongban', 'still-wrong']) {
        const locked = await client.post('/api/session', { username: 'clerk-health', password });
        expect(locked.status, password).toBe(429);
        expect(expectProblem(locked).code).toBe('session/locked');
        const retryAfter = Number(locked.headers.get('retry-after'));
        expect(Number.isInteger(retryAfter)).toBe(true);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(locked.headers.get('set-cookie')).toBeNull();
      }
      // Another account from the same address is not locked.
      expect((await server.anonymous().post('/api/session', { username: 'clerk-hrss', password: 'tongban' })).status).toBe(200);
      // Fourteen minutes on, still locked; sixteen, the right password works.
      clock.advance(14 * MINUTE);
      expect((await client.post('/api/session', { username: 'clerk-health', password: 'tongban' })).status).toBe(429);
      clock.advance(2 * MINUTE);
      const after = await client.post<SessionView>('/api/session', { username: 'clerk-health', password: 'tongban' });
      expect(after.status, after.text).toBe(200);
      expect(after.body.user.username).toBe('clerk-health');
    });

    it('counts consecutive failures only: a successful sign-in starts the count again', async () => {
      const client = server.anonymous();
      for (let i = 0; i < 4; i++) expect((await client.post('/api/session', { username: 'clerk-fire', password: 'wrong' })).status).toBe(401);
      expect((await client.post('/api/session', { username: 'clerk-fire', password: 'tongban' })).status).toBe(200);
      const fresh = server.anonymous();
      for (let i = 0; i < 4; i++) expect((await fresh.post('/api/session', { username: 'clerk-fire', password: 'wrong' })).status).toBe(401);
      expect((await fresh.post('/api/session', { username: 'clerk-fire', password: 'tongban' })).status).toBe(200);
    });
  });

  describe('disabling an account', () => {
    it('revokes its live sessions at once: the next request is 401, and it cannot sign in again', async () => {
      const admin = await server.signIn('admin');
      const victim = await server.signIn('clerk-utilities');
      const secondDevice = await server.signIn('clerk-utilities');
      const me = await victim.get<SessionView>('/api/session');
      expect(me.status).toBe(200);
      expect((await secondDevice.get('/api/session')).status).toBe(200);

      const disabled = await admin.patch<{ disabled: boolean }>(`/api/users/${me.body.user.id}`, { disabled: true });
      expect(disabled.status, disabled.text).toBe(200);
      expect(disabled.body.disabled).toBe(true);

      for (const client of [victim, secondDevice]) {
        const after = await client.get('/api/session');
        expect(after.status).toBe(401);
        expect(expectProblem(after).code).toBe('session/required');
        expect((await client.get('/api/tasks')).status).toBe(401);
      }
      // A disabled account is refused like a wrong password (nothing says it exists).
      const again = await server.anonymous().post('/api/session', { username: 'clerk-utilities', password: 'tongban' });
      const unknown = await server.anonymous().post('/api/session', { username: 'no-such-user', password: 'tongban' });
      expect(again.status).toBe(401);
      expect(again.body).toEqual(unknown.body);

      // Enabled again, the account signs in; the old sessions stay dead.
      expect((await admin.patch(`/api/users/${me.body.user.id}`, { disabled: false })).status).toBe(200);
      expect((await server.signIn('clerk-utilities').then((c) => c.get('/api/session'))).status).toBe(200);
      expect((await victim.get('/api/session')).status).toBe(401);
    });

    it('also revokes the sessions when the roles or the password change', async () => {
      const admin = await server.signIn('admin');
      const clerk = await server.signIn('clerk-natural-resources');
      const id = (await clerk.get<SessionView>('/api/session')).body.user.id;
      expect((await admin.patch(`/api/users/${id}`, { roles: ['clerk', 'manager'] })).status).toBe(200);
      expect((await clerk.get('/api/session')).status).toBe(401);

      const again = await server.signIn('clerk-natural-resources');
      expect((await admin.patch(`/api/users/${id}`, { password: 'a-new-password' })).status).toBe(200);
      expect((await again.get('/api/session')).status).toBe(401);
      expect((await server.anonymous().post('/api/session', { username: 'clerk-natural-resources', password: 'tongban' })).status).toBe(401);
      expect((await server.signIn('clerk-natural-resources', 'a-new-password').then((c) => c.get('/api/session'))).status).toBe(200);
    });
  });

  describe('session timeouts', () => {
    it('ends a session idle for 31 minutes', async () => {
      const client = await server.signIn('clerk-housing-construction');
      expect((await client.get('/api/session')).status).toBe(200);
      clock.advance(31 * MINUTE);
      const idle = await client.get('/api/session');
      expect(idle.status).toBe(401);
      expect(expectProblem(idle).code).toBe('session/required');
      // Activity does not bring it back.
      expect((await client.get('/api/session')).status).toBe(401);
    });

    it('keeps an active session: each request within 30 minutes of the last one resets the idle time', async () => {
      const client = await server.signIn('clerk-ecology-environment');
      for (let i = 0; i < 4; i++) {
        clock.advance(29 * MINUTE);
        expect((await client.get('/api/session')).status, `after ${(i + 1) * 29} minutes`).toBe(200);
      }
    });

    it('ends a session 12 hours after sign-in even when it was active all along', async () => {
      const client = await server.signIn('clerk-disabled-persons-federation');
      // A request every 25 minutes: never idle, 11 h 40 min in all.
      for (let elapsed = 25; elapsed <= 700; elapsed += 25) {
        clock.advance(25 * MINUTE);
        expect((await client.get('/api/session')).status, `after ${elapsed} minutes`).toBe(200);
      }
      // 12 h 5 min after sign-in.
      clock.advance(25 * MINUTE);
      const expired = await client.get('/api/session');
      expect(expired.status).toBe(401);
      expect(expectProblem(expired).code).toBe('session/required');
      // Signing in again starts a new session.
      expect((await server.signIn('clerk-disabled-persons-federation').then((c) => c.get('/api/session'))).status).toBe(200);
    });

    it('does not count a request of another user as activity', async () => {
      const quiet = await server.signIn('clerk-civil-affairs');
      const busy = await server.signIn('manager');
      for (let i = 0; i < 4; i++) {
        clock.advance(10 * MINUTE);
        expect((await busy.get('/api/session')).status).toBe(200);
      }
      expect((await quiet.get('/api/session')).status).toBe(401);
      expect((await busy.get('/api/session')).status).toBe(200);
    });
  });
});
