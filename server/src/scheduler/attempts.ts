import { ConflictError, NotFoundError, RejectedCommandError, type Runtime } from '@tongban/engine';

/** What became of one claimed timer or job. */
export type Outcome =
  /** The engine took it (`fired`, `completed`, `bpmnError`), or someone else already had (`skipped`). */
  | { readonly kind: 'done'; readonly how: 'fired' | 'completed' | 'bpmnError' | 'skipped' }
  /** Another write to the same instance won the race, or the database was busy: try again soon, no attempt counted. */
  | { readonly kind: 'busy' }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Conflicts come from another command on the same instance at the same
 * moment (a clerk's, or another timer's); trying again at once usually
 * succeeds and spares a round through the lease.
 */
const CONFLICT_RETRIES = 3;

/**
 * Runs one engine command for a claimed row and sorts its error:
 * - a conflict or a busy database is a lost race, not a fault;
 * - a rejected command or a missing row, when the row is no longer open,
 *   means another node (or the instance itself) already dealt with it;
 * - anything else, including a rejection while the row is still open, is a
 *   failed attempt: otherwise it would be picked up for ever.
 */
export async function settle(command: () => Promise<unknown>, how: 'fired' | 'completed' | 'bpmnError', stillOpen: () => boolean): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await command();
      return { kind: 'done', how };
    } catch (error) {
      if (error instanceof ConflictError && attempt < CONFLICT_RETRIES) continue;
      if (error instanceof ConflictError || isBusy(error)) return { kind: 'busy' };
      if ((error instanceof RejectedCommandError || error instanceof NotFoundError) && !stillOpen()) return { kind: 'done', how: 'skipped' };
      return { kind: 'failed', error };
    }
  }
}

/** better-sqlite3's error when another connection held the write lock past the busy timeout. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export function fireTimer(runtime: Runtime, timerId: string, stillScheduled: () => boolean): Promise<Outcome> {
  return settle(() => runtime.fireTimer(timerId), 'fired', stillScheduled);
}
