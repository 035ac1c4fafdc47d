import type { JobRecord, Runtime } from '@tongban/engine';
import { settle, type Outcome } from './attempts.js';
import { bpmnErrorCode, type JobHandler, type JobHandlers } from './job-handlers.js';
import { safeMessage } from './safe-message.js';

export interface RunJobOptions {
  readonly runtime: Runtime;
  readonly handlers: JobHandlers;
  /** 1 on the first try. */
  readonly attempt: number;
  readonly timeoutMs: number;
  /** Aborted when the scheduler stops. */
  readonly stopping: AbortSignal;
  readonly stillPending: () => boolean;
}

/** A handler that did not answer within its time limit. */
export class JobTimeoutError extends Error {
  override readonly name = 'JobTimeoutError';
  constructor(ms: number) {
    super(`The connector did not answer within ${ms} ms`);
  }
}

/**
 * Runs one pending job with the handler of its connector and hands the
 * answer to the engine: a result completes the job, a business error
 * (`errorCode`) fails it so the process can take its error path, anything
 * else is a failed attempt.
 */
export async function runJob(job: JobRecord, o: RunJobOptions): Promise<Outcome> {
  if (job.status !== 'pending') return { kind: 'done', how: 'skipped' };
  const handler = job.connector !== undefined ? o.handlers.get(job.connector) : undefined;
  if (!handler) {
    const why = job.connector !== undefined ? `No connector named "${job.connector}" is installed` : `The service task ${job.elementId} names no connector`;
    return { kind: 'failed', error: new Error(why) };
  }
  let result: unknown;
  try {
    result = await callWithTimeLimit(handler, job, o);
  } catch (error) {
    const errorCode = bpmnErrorCode(error);
    if (errorCode === undefined) return { kind: 'failed', error };
    // The message goes into the job record and the history: masked like an incident's.
    return settle(() => o.runtime.failJob(job.id, { message: safeMessage(error), errorCode }), 'bpmnError', o.stillPending);
  }
  return settle(() => o.runtime.completeJob(job.id, result), 'completed', o.stillPending);
}

async function callWithTimeLimit(handler: JobHandler, job: JobRecord, o: RunJobOptions): Promise<unknown> {
  const controller = new AbortController();
  const stop = () => controller.abort(o.stopping.reason);
  o.stopping.addEventListener('abort', stop, { once: true });
  let timer: NodeJS.Timeout | undefined;
  // A handler that ignores its signal must still not hold the lease past its end.
  const timeLimit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeoutError(o.timeoutMs);
      // Rejected before the abort: a handler that answers its abort at once must not win the race.
      reject(error);
      controller.abort(error);
    }, o.timeoutMs);
  });
  try {
    return await Promise.race([handler(job, { signal: controller.signal, attempt: o.attempt }), timeLimit]);
  } finally {
    clearTimeout(timer);
    o.stopping.removeEventListener('abort', stop);
  }
}
