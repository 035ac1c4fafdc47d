import { step, persistSnapshot, restoreSnapshot, type StepResult } from '../../src/runtime/index.js';
import type { CompiledProcess } from '../../src/compile/index.js';

export interface DriveLog {
  /** Element ids of tasks in the order they opened. */
  readonly opened: string[];
  /** Task item ids that ever opened (to check none opens twice). */
  readonly openedIds: string[];
  readonly last: StepResult;
}

/**
 * Drives an instance through the pure step function: completes open tasks
 * (the one `pick` chooses) until none is left. With `restoreEachStep`, every
 * step starts from the JSON snapshot, as a server that restarts would.
 */
export function drive(
  process: CompiledProcess,
  variables: Record<string, unknown>,
  options: { pick?: (open: string[]) => number; restoreEachStep?: boolean; maxSteps?: number; complete?: (elementId: string) => Record<string, unknown> | undefined } = {},
): DriveLog {
  const opened: string[] = [];
  const openedIds: string[] = [];
  let last = step(process, 'i1', undefined, { type: 'start', variables });
  const record = (r: StepResult) => {
    for (const item of r.opened) if (item.type === 'task') { opened.push(item.elementId); openedIds.push(item.id); }
  };
  record(last);
  for (let n = 0; n < (options.maxSteps ?? 1000); n++) {
    const open = [...last.items.values()].filter((i) => i.type === 'task').map((i) => i.id).sort();
    if (open.length === 0) break;
    const id = open[(options.pick?.(open) ?? 0) % open.length]!;
    const item = last.items.get(id)!;
    let snapshot = last.snapshot;
    if (options.restoreEachStep) snapshot = restoreSnapshot(process, persistSnapshot(process, snapshot));
    const variablesOut = options.complete?.(item.elementId);
    last = step(process, 'i1', { snapshot, items: last.items }, { type: 'task.complete', taskId: id, ...(variablesOut ? { variables: variablesOut } : {}) });
    record(last);
  }
  return { opened, openedIds, last };
}
