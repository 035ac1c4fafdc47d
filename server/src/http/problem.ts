import type { ZodError } from 'zod';

/** Where a problem in a request was found. */
export type ProblemLocation = 'body' | 'query' | 'params' | 'header';

/** One field that is wrong, with its path inside the part of the request it came from. */
export interface FieldProblem {
  readonly in: ProblemLocation;
  /** Dotted path, `variables.applicant.idNumber`, `items.2.name`; empty for the whole part. */
  readonly path: string;
  /** JSON Pointer into the part (RFC 6901). */
  readonly pointer: string;
  readonly code: string;
  readonly message: string;
  /** For BPMN uploads: the element the problem is about, and where it is. */
  readonly elementId?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The stable codes the API answers with; each has a status and a title in both languages. */
export const PROBLEMS = {
  'request/invalid': { status: 400, zh: '请求内容有误', en: 'The request is invalid' },
  'request/malformed-json': { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request/too-large': { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  'request/unsupported-media-type': { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  'session/required': { status: 401, zh: '请先登录', en: 'Sign in first' },
  'session/invalid-credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'session/locked': { status: 429, zh: '登录失败次数过多，账号暂时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  'csrf/rejected': { status: 403, zh: '请求来源校验失败', en: 'Cross-site request check failed' },
  'access/forbidden': { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  'not-found': { status: 404, zh: '对象不存在', en: 'Not found' },
  'route/not-found': { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  'method/not-allowed': { status: 405, zh: '不支持的请求方法', en: 'Method not allowed' },
  'conflict': { status: 409, zh: '操作冲突，请刷新后重试', en: 'Conflict: reload and try again' },
  'task/not-open': { status: 409, zh: '任务已办结或已取消', en: 'The task is no longer open' },
  'task/claimed-by-other': { status: 409, zh: '任务已被他人签收', en: 'Another clerk has claimed the task' },
  'process/invalid': { status: 422, zh: '流程模型有错误，未部署', en: 'The process has errors and was not deployed' },
  'command/rejected': { status: 409, zh: '当前状态下不能执行此操作', en: 'This action does not apply in the current state' },
  'rate/limited': { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'server/unavailable': { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  'server/error': { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/**
 * An RFC 9457 problem, thrown anywhere in a request and turned into an
 * `application/problem+json` response by the error middleware.
 */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: { readonly errors?: readonly FieldProblem[]; readonly retryAfterSeconds?: number; readonly [key: string]: unknown } = {},
  ) {
    super(detail ?? PROBLEMS[code].en);
    this.status = PROBLEMS[code].status;
  }
}

export function problemBody(problem: Problem, instance: string, language: 'zh' | 'en'): Record<string, unknown> {
  const { retryAfterSeconds: _retry, ...extra } = problem.extra;
  const entry = PROBLEMS[problem.code];
  return {
    type: `urn:tongban:problem:${problem.code}`,
    title: language === 'en' ? entry.en : entry.zh,
    status: problem.status,
    code: problem.code,
    ...(problem.detail !== undefined ? { detail: problem.detail } : {}),
    instance,
    ...extra,
  };
}

/** The field problems of a zod error, in the part of the request it checked. */
export function fieldProblems(error: ZodError, location: ProblemLocation): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    return {
      in: location,
      path: path.join('.'),
      pointer: `/${path.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
      code: issue.code,
      message: issue.message,
    };
  });
}

export function invalid(location: ProblemLocation, error: ZodError): Problem {
  const errors = fieldProblems(error, location);
  return new Problem('request/invalid', errors.map((e) => `${e.in}${e.path ? `.${e.path}` : ''}: ${e.message}`).join('; '), { errors });
}
