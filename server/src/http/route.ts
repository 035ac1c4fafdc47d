import type { Context } from 'koa';
import type { z, ZodType } from 'zod';
import type { CurrentUser, Role } from '../accounts/index.js';

/**
 * Who may call a route. Every route says it; there is no default.
 * - `public`: anyone (login, health, the API document);
 * - `signedIn`: any signed-in user (their own session, say);
 * - a list of roles: a signed-in user holding one of them.
 * Department scope is applied by the handler inside its store query.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

type Shape = z.ZodObject;

/** What a handler gets: the checked input, the user (when the route needs one) and Koa's context. */
export interface RouteInput<P extends Shape | undefined, Q extends Shape | undefined, B extends ZodType | undefined, A extends Access> {
  readonly params: P extends Shape ? z.infer<P> : Record<string, never>;
  readonly query: Q extends Shape ? z.infer<Q> : Record<string, never>;
  readonly body: B extends ZodType ? z.infer<B> : undefined;
  readonly user: A extends 'public' ? CurrentUser | undefined : CurrentUser;
  readonly ctx: Context;
}

/** A handler's answer: a status and a JSON body, or a body of another type. */
export type Reply =
  | { readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: number; readonly text: string; readonly contentType: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: 204 };

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: ZodType;
  /** Other than application/json (CSV, XML, HTML). */
  readonly contentType?: string;
}

export interface RouteSpec<P extends Shape | undefined = Shape | undefined, Q extends Shape | undefined = Shape | undefined, B extends ZodType | undefined = ZodType | undefined, A extends Access = Access> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa path with `:name` parameters. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: A;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** `json` (default) or `xml` for BPMN uploads, read as text and checked by the handler. */
  readonly bodyType?: 'json' | 'xml';
  /** Largest accepted body in bytes; default 1 MiB. */
  readonly bodyLimit?: number;
  /** Whether a call counts against the caller's request rate; default true. */
  readonly rateLimited?: boolean;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  readonly handler: (input: RouteInput<P, Q, B, A>) => Promise<Reply> | Reply;
}

/** Keeps the generic parameters of one route while collecting several of different shapes. */
export function defineRoute<P extends Shape | undefined = undefined, Q extends Shape | undefined = undefined, B extends ZodType | undefined = undefined, const A extends Access = Access>(
  spec: RouteSpec<P, Q, B, A>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, json: body, ...(headers ? { headers } : {}) });
export const noContent = (): Reply => ({ status: 204 });
