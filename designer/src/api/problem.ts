/** One field problem of a problem+json answer (zod checks, or a diagram problem with its element). */
export interface FieldProblem {
  readonly in?: string;
  readonly path?: string;
  readonly code?: string;
  readonly message?: string;
  readonly messageEn?: string;
  readonly elementId?: string;
  readonly line?: number;
  readonly column?: number;
}

/** An RFC 9457 problem as the server sends it. */
export interface ProblemBody {
  readonly title?: string;
  readonly detail?: string;
  readonly status?: number;
  readonly code?: string;
  readonly errors?: readonly FieldProblem[];
}

/**
 * A failed API call. `problem` is the server's problem+json when it sent
 * one; a network failure or a non-problem answer gets a synthetic one so the
 * UI has a single shape to show.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get fieldProblems(): readonly FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

export function isProblemBody(value: unknown): value is ProblemBody {
  return typeof value === 'object' && value !== null && ('title' in value || 'code' in value);
}
