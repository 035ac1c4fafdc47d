import type { JobRecord } from '@tongban/engine';

/** What a handler gets besides the job. */
export interface JobContext {
  /** Aborted when the handler runs past its time limit or the server stops: cancel the call. */
  readonly signal: AbortSignal;
  /** 1 on the first try; a retried job is called again. */
  readonly attempt: number;
}

/**
 * Runs one connector job (a service task) and resolves with its result,
 * which the service task stores in its result variable.
 *
 * - Throw a `JobBpmnError` (or any error with a string `errorCode`) for a
 *   business outcome the process models, "not registered" say: the job is
 *   failed with that code, and a boundary error event with the code takes
 *   its path (with none, the engine records an incident on the instance).
 * - Throw anything else for a technical failure: the job is tried again
 *   with back-off, and becomes an incident after the last attempt.
 *
 * A handler may run more than once for a job (a retry after a failure, or a
 * node that crashed mid-call), so a call must be safe to repeat. Its error
 * messages must not hold personal data.
 */
export type JobHandler = (job: JobRecord, context: JobContext) => Promise<unknown>;

/** Handlers by connector name (`tb:connector`); a `Map` will do, or a live view of the connector catalogue. */
export interface JobHandlers {
  get(connector: string): JobHandler | undefined;
}

/** A business error the process may catch with a boundary error event of this code. */
export class JobBpmnError extends Error {
  override readonly name = 'JobBpmnError';
  constructor(readonly errorCode: string, message: string = errorCode) {
    super(message);
  }
}

/** The BPMN error code a handler's error carries, if it is a business error. */
export function bpmnErrorCode(error: unknown): string | undefined {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}
