import type { Context } from 'koa';

/**
 * The session cookie. Over https (or any host other than plain-http
 * localhost) it is `__Host-tongban_session`, Secure, so the browser binds
 * it to this exact origin; on http://localhost a Secure cookie would not be
 * stored, so it drops the prefix and the flag there.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-tongban_session' : 'tongban_session';
}

export function readSessionCookie(ctx: Context, secure: boolean): string | undefined {
  const header = ctx.get('cookie');
  if (!header) return undefined;
  const name = sessionCookieName(secure);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // Not a token this server issued: no session, not an error.
        return undefined;
      }
    }
  }
  return undefined;
}

export function setSessionCookie(ctx: Context, secure: boolean, token: string, maxAgeSeconds: number): void {
  ctx.append('Set-Cookie', `${sessionCookieName(secure)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`);
}

export function clearSessionCookie(ctx: Context, secure: boolean): void {
  ctx.append('Set-Cookie', `${sessionCookieName(secure)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`);
}
