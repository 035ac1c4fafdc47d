import type { Problem } from '../../problems/index.js';
import { firstOverlap } from './paths-overlap.js';
import { reengineerProblems } from './problems.js';
import type { TaskAccess } from './types.js';

/**
 * Stages follow read-after-write only. Two other orders of the as-is chain
 * can be lost, and each is reported as a warning naming both tasks (the
 * designer orders them by hand or renames the variable):
 *
 * - write-write: a later task writes a path an earlier task also writes,
 *   and is staged no later than it, so the final value may differ;
 * - write-after-read: a later task writes a path an earlier task reads,
 *   and is staged no later than it, so the reader may see the new value.
 */
export function orderConflicts(tasks: readonly TaskAccess[], stageOf: ReadonlyMap<string, number>): Problem[] {
  const problems: Problem[] = [];
  tasks.forEach((later, index) => {
    for (const earlier of tasks.slice(0, index)) {
      if (stageOf.get(later.id)! > stageOf.get(earlier.id)!) continue;
      const written = firstOverlap(earlier.writes, later.writes);
      if (written) problems.push(reengineerProblems.writeWrite(earlier.id, later.id, written[1]));
      const read = firstOverlap(earlier.reads, later.writes);
      if (read) problems.push(reengineerProblems.writeAfterRead(earlier.id, later.id, read[0]));
    }
  });
  return problems;
}
