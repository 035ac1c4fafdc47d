import type { CompiledProcess } from '../compile/index.js';
import type { HistoryRecord } from './records.js';
import { persistSnapshot } from './snapshot.js';
import { step, type StepResult } from './step.js';

/**
 * Re-runs an instance's recorded commands from its start. Because the
 * machine is pure and ids derive from the instance, the result must equal
 * the stored snapshot; a difference means the history or the definition
 * changed.
 */
export function replay(process: CompiledProcess, instanceId: string, history: readonly HistoryRecord[]): string {
  let last: StepResult | undefined;
  for (const record of history) {
    last = step(process, instanceId, last, record.command);
  }
  if (!last) throw new Error(`Instance ${instanceId} has no history`);
  return persistSnapshot(process, last.snapshot);
}
