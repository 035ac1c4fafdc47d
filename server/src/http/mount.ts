import type Router from '@koa/router';
import type { Context } from 'koa';
import type { ZodType } from 'zod';
import type { CurrentUser } from '../accounts/index.js';
import { DEFAULT_BODY_LIMIT, readBody } from './body.js';
import { invalid, Problem } from './problem.js';
import type { RateLimiter } from './rate-limit.js';
import type { Reply, RouteSpec } from './route.js';

export interface MountOptions {
  /** The signed-in user of the request's session cookie, if any. */
  readonly authenticate: (ctx: Context) => CurrentUser | undefined;
  readonly rateLimiter: RateLimiter;
  /** Origins a state-changing request may come from (the public URL, and the server's own). */
  readonly allowedOrigins: (ctx: Context) => readonly string[];
  readonly nowMs: () => number;
}

const SAFE_METHODS = new Set(['get', 'head', 'options']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Registers each route with the same pipeline, in this order, so no route
 * can skip a step: session → access (401/403) → CSRF → rate limit → body
 * (415/413/400) → params, query and body checked by the route's zod schemas
 * (400 with field paths) → handler.
 */
export function mountRoutes(router: Router, routes: readonly RouteSpec[], options: MountOptions): void {
  for (const route of routes) {
    router[route.method](route.path, async (ctx) => {
      const user = options.authenticate(ctx);
      checkAccess(route, user);
      checkCsrf(ctx, route, user, options.allowedOrigins(ctx));
      if (route.rateLimited !== false) {
        const wait = options.rateLimiter.take(user ? `u:${user.id}` : `a:${ctx.ip}`, options.nowMs());
        if (wait > 0) throw new Problem('rate/limited', `Try again in ${wait} s`, { retryAfterSeconds: wait });
      }
      const rawBody = route.body !== undefined || route.bodyType === 'xml'
        ? await readBody(ctx, route.bodyType ?? 'json', route.bodyLimit ?? DEFAULT_BODY_LIMIT)
        : undefined;
      const params = check(route.params, ctx.params, 'params');
      const query = check(route.query, ctx.query, 'query');
      // An absent body is an empty object; a JSON `null` is a body, and a wrong one.
      const body = route.body ? check(route.body, rawBody === undefined ? {} : rawBody, 'body') : rawBody;
      const reply = await route.handler({ params, query, body, user, ctx } as never);
      send(ctx, reply);
    });
  }
}

function checkAccess(route: RouteSpec, user: CurrentUser | undefined): void {
  if (route.access === 'public') return;
  if (!user) throw new Problem('session/required');
  if (route.access === 'signedIn') return;
  if (!user.roles.some((r) => (route.access as readonly string[]).includes(r))) {
    throw new Problem('access/forbidden', `This needs one of the roles: ${(route.access as readonly string[]).join(', ')}`);
  }
}

/**
 * A state-changing request must come from an allowed Origin (when the
 * browser says where it comes from) and, once signed in, carry the
 * session's CSRF token in a header, which another site's page can neither
 * read nor set.
 */
function checkCsrf(ctx: Context, route: RouteSpec, user: CurrentUser | undefined, allowed: readonly string[]): void {
  if (SAFE_METHODS.has(route.method)) return;
  const origin = ctx.get('origin');
  if (origin && !allowed.includes(origin)) throw new Problem('csrf/rejected', `Requests from ${origin} are not accepted`);
  if (user && ctx.get(CSRF_HEADER) !== user.csrfToken) throw new Problem('csrf/rejected', `The ${CSRF_HEADER} header is missing or wrong`);
}

function check(schema: ZodType | undefined, value: unknown, location: 'params' | 'query' | 'body'): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(location, result.error);
  return result.data;
}

function send(ctx: Context, reply: Reply): void {
  ctx.status = reply.status;
  if ('headers' in reply && reply.headers) ctx.set(reply.headers);
  if ('json' in reply) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(reply.json);
  } else if ('text' in reply) {
    ctx.type = reply.contentType;
    ctx.body = reply.text;
  }
}
