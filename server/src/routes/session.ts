import { z } from 'zod';
import type { Services } from '../app/services.js';
import { Role } from '../accounts/index.js';
import { defineRoute, json, noContent } from '../http/route.js';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.js';

export const UserView = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(Role), departments: z.array(z.string()),
});

const SessionView = z.object({ user: UserView, csrfToken: z.string().describe('Send in the x-csrf-token header of every state-changing request') });

/** Sign in (a new session, the old one revoked), see who is signed in, sign out. */
export function sessionRoutes(s: Services) {
  return [
    defineRoute({
      method: 'post', path: '/api/session', tag: 'session', access: 'public',
      summary: 'Sign in with username and password; sets the session cookie',
      body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      responses: { 200: { description: 'Signed in', schema: SessionView } },
      handler: async ({ body, ctx, user }) => {
        const now = s.clock.now();
        // Rotation: a sign-in always gets a fresh token; the one presented (if any) ends here.
        if (user) s.sessions.revoke(user.sessionId, now);
        const result = await s.signIn.login(body.username, body.password, ctx.ip, now);
        setSessionCookie(ctx, s.config.secureCookies, result.token, Math.floor(s.config.sessionAbsoluteMs / 1000));
        return json(200, { user: userView(result.user), csrfToken: result.csrfToken });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/session', tag: 'session', access: 'signedIn',
      summary: 'The signed-in user and the CSRF token of the session',
      responses: { 200: { description: 'Signed in', schema: SessionView } },
      handler: ({ user }) => json(200, { user: userView(user), csrfToken: user.csrfToken }),
    }),
    defineRoute({
      method: 'delete', path: '/api/session', tag: 'session', access: 'signedIn',
      summary: 'Sign out: the session is revoked',
      responses: { 204: { description: 'Signed out' } },
      handler: ({ user, ctx }) => {
        s.signIn.logout(user, s.clock.now());
        clearSessionCookie(ctx, s.config.secureCookies);
        return noContent();
      },
    }),
  ];
}

export function userView(u: { id: string; username: string; displayName: string; roles: readonly string[]; departments: readonly string[] }) {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, departments: u.departments };
}
