import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import Koa, { type Context } from 'koa';
import { ConflictError, InvalidProcessError, NotFoundError, RejectedCommandError } from '@tongban/engine';
import { mountRoutes } from '../http/mount.js';
import { Problem, problemBody } from '../http/problem.js';
import { RateLimiter } from '../http/rate-limit.js';
import type { RouteSpec } from '../http/route.js';
import { readSessionCookie } from '../http/session-cookie.js';
import { designerStatic } from './designer-static.js';
import type { Services } from './services.js';

export interface AppOptions {
  readonly routes: readonly RouteSpec[];
  /** Answers after the API routes: the API document page, later the designer's files. */
  readonly extra?: readonly Koa.Middleware[];
}

/**
 * The Koa application: request id and log line, problem+json for every
 * error, the API routes, and 404/405 problems for the rest of `/api`.
 */
export function createApp(services: Services, options: AppOptions): Koa {
  const app = new Koa({ proxy: services.config.trustProxy });
  const rateLimiter = new RateLimiter(services.config.ratePerSecond, services.config.rateBurst);
  const router = new Router();
  mountRoutes(router, options.routes, {
    authenticate: (ctx) => {
      const token = readSessionCookie(ctx, services.config.secureCookies);
      return token ? services.signIn.authenticate(token, services.clock.now()) : undefined;
    },
    rateLimiter,
    // Not ctx.origin: Koa 3 answers that from the Origin header itself.
    allowedOrigins: (ctx) => [services.config.publicUrl, `${ctx.protocol}://${ctx.host}`],
    nowMs: () => Date.now(),
  });

  app.use(async (ctx, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    ctx.set('X-Request-Id', requestId);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
    ctx.set('Cache-Control', 'no-store');
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api')) throw notFoundOrNotAllowed(ctx, options.routes);
    } catch (error) {
      writeProblem(ctx, toProblem(error, services, requestId));
    } finally {
      // Only the route pattern and ids: never bodies, query values or cookies.
      services.logger.info({ requestId, method: ctx.method, route: (ctx as { _matchedRoute?: string })._matchedRoute ?? (ctx.path.startsWith('/api/docs') ? '/api/docs' : '(unmatched)'), status: ctx.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  });
  app.use(router.routes());
  for (const middleware of options.extra ?? []) app.use(middleware);
  // Last: the designer answers only what neither the API nor the extras did.
  app.use(designerStatic());
  return app;
}

function notFoundOrNotAllowed(ctx: Context, routes: readonly RouteSpec[]): Problem {
  const matching = routes.filter((r) => pathMatches(r.path, ctx.path));
  if (matching.length > 0) {
    ctx.set('Allow', matching.map((r) => r.method.toUpperCase()).join(', '));
    return new Problem('method/not-allowed', `${ctx.method} is not supported here`);
  }
  return new Problem('route/not-found', `No endpoint ${ctx.method} ${ctx.path}`);
}

function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((part, i) => part.startsWith(':') || part === b[i]);
}

function toProblem(error: unknown, services: Services, requestId: string): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof ConflictError) return new Problem('conflict', 'Someone else changed this application at the same moment; reload and try again', { instanceId: error.instanceId });
  if (error instanceof NotFoundError) return new Problem('not-found', `No ${error.kind} ${error.id}`);
  if (error instanceof InvalidProcessError) {
    return new Problem('process/invalid', error.message, {
      errors: error.problems.map((p) => ({
        in: 'body', path: p.elementId ?? '', pointer: '/', code: p.code, message: p.message,
        ...(p.elementId !== undefined ? { elementId: p.elementId } : {}),
        ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}),
      })),
    });
  }
  if (error instanceof RejectedCommandError) return new Problem('command/rejected', error.message, { reason: error.code });
  const status = (error as { status?: number; expose?: boolean }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) return new Problem('request/invalid', (error as Error).message);
  services.logger.error({ requestId, err: { name: (error as Error).name, message: (error as Error).message, stack: (error as Error).stack } }, 'unhandled error');
  return new Problem('server/error', `Reference ${requestId}`);
}

function writeProblem(ctx: Context, problem: Problem): void {
  const language = /^en\b/i.test(ctx.get('accept-language')) ? 'en' : 'zh';
  ctx.status = problem.status;
  if (problem.extra.retryAfterSeconds !== undefined) ctx.set('Retry-After', String(problem.extra.retryAfterSeconds));
  ctx.type = 'application/problem+json';
  ctx.body = JSON.stringify(problemBody(problem, ctx.path, language));
}
