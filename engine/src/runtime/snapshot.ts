import type { CompiledProcess } from '../compile/index.js';
import type { MachineSnapshot } from './step.js';

/** The JSON text an instance is stored as. */
export function persistSnapshot(process: CompiledProcess, snapshot: MachineSnapshot): string {
  return JSON.stringify(process.machine.getPersistedSnapshot(snapshot));
}

/**
 * Restores a stored snapshot. The machine has no delayed events and no
 * invoked actors, so nothing can be lost or run twice by a restore.
 */
export function restoreSnapshot(process: CompiledProcess, json: string): MachineSnapshot {
  const persisted = JSON.parse(json) as { value: unknown; context: MachineSnapshot['context']; status: MachineSnapshot['status'] };
  const snapshot = process.machine.resolveState({ value: persisted.value as never, context: persisted.context });
  return persisted.status === 'done' ? ({ ...snapshot, status: 'done' } as MachineSnapshot) : snapshot;
}
