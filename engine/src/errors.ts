/**
 * Typed errors of the engine. Each carries a stable `code` and the context
 * fields a caller needs to answer the user; the server maps codes to
 * problem+json responses.
 */
export abstract class EngineError extends Error {
  abstract readonly code: string;
}

/** Thrown when a FEEL expression cannot be parsed or evaluated. */
export class FeelError extends EngineError {
  readonly code = 'feel/invalid-expression';
  constructor(readonly expression: string, detail: string) {
    super(`Cannot evaluate FEEL expression "${expression}": ${detail}`);
  }
}

/** Thrown when a diagram has error problems and cannot be compiled or deployed. */
export class InvalidProcessError extends EngineError {
  readonly code = 'process/invalid';
  constructor(readonly problems: readonly import('./problems/index.js').Problem[]) {
    super(`The process has ${problems.filter((p) => p.severity === 'error').length} error(s): ` +
      problems.filter((p) => p.severity === 'error').slice(0, 3).map((p) => `${p.code} ${p.elementId ?? ''}`.trim()).join('; '));
  }
}

/**
 * Thrown when a write lost an optimistic-concurrency race: the instance's
 * revision moved on since it was loaded. Nothing was written.
 */
export class ConflictError extends EngineError {
  readonly code = 'instance/conflict';
  constructor(readonly instanceId: string, readonly expectedRevision: number, readonly actualRevision: number | undefined) {
    super(`Instance ${instanceId} is at revision ${actualRevision ?? 'none'}, expected ${expectedRevision}`);
  }
}

/** Thrown when an instance, task, timer, job or definition does not exist. */
export class NotFoundError extends EngineError {
  readonly code = 'not-found';
  constructor(readonly kind: 'instance' | 'task' | 'timer' | 'job' | 'definition', readonly id: string) {
    super(`No ${kind} ${id}`);
  }
}

/**
 * A command was rejected: it does not apply to the current state
 * ("Expected task t1 to be open, but it is completed").
 */
export class RejectedCommandError extends EngineError {
  readonly code: string;
  constructor(code: string, message: string, readonly details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.code = code;
  }
}
