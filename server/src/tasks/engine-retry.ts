import { ConflictError, RejectedCommandError } from '@tongban/engine';
import { Problem } from '../http/problem.js';

/** How often a command that lost a race to another write on the same application is tried again. */
const CONFLICT_RETRIES = 10;

/**
 * Runs an engine command. A write of another server process to the same
 * application makes the revision check fail with nothing written; the
 * command is then tried again on the new state (where its own checks run
 * again), and reported as 409 conflict only when it keeps losing. A
 * rejection (the task or material has moved on) is 409 at once.
 */
export async function withConflictRetries<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (error instanceof RejectedCommandError && (error.code === 'task/not-open' || error.code === 'instance/ended')) {
        throw new Problem('task/not-open', error.message, { reason: error.code });
      }
      if (error instanceof RejectedCommandError) throw new Problem('command/rejected', error.message, { reason: error.code });
      if (error instanceof ConflictError) {
        if (attempt < CONFLICT_RETRIES) continue;
        throw new Problem('conflict', 'Another action on this application was saved first; reload and try again', { instanceId: error.instanceId });
      }
      throw error;
    }
  }
}
