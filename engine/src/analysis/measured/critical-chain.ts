import type { TaskRecord } from '../../runtime/index.js';

/**
 * The tasks that held an instance up, found from its task records alone:
 * start from the task that completed last; the task before it on the chain
 * is the one that completed latest at or before it was opened (it released
 * it — at a join, the last-completing branch); repeat. So at each parallel
 * block the chain goes through the branch that finished last, which is the
 * department on the critical path. Cancelled tasks never count.
 */
export function criticalChain(tasks: readonly TaskRecord[]): TaskRecord[] {
  const done = tasks
    .filter((t) => t.status === 'completed' && t.closedAt !== undefined)
    .map((t) => ({ task: t, opened: Date.parse(t.createdAt), closed: Date.parse(t.closedAt!) }))
    .sort((a, b) => a.closed - b.closed);
  const chain: TaskRecord[] = [];
  let index = done.length - 1;
  while (index >= 0) {
    const current = done[index]!;
    chain.push(current.task);
    index = lastClosedBy(done, current.opened, index - 1);
  }
  return chain.reverse();
}

/** Largest index ≤ `below` whose task closed at or before `instant`; −1 when none (binary search). */
function lastClosedBy(done: readonly { closed: number }[], instant: number, below: number): number {
  let lo = 0;
  let hi = below;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (done[mid]!.closed <= instant) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
