import type { CallActivityNode } from '../../model/index.js';
import { enter, leave, mergeVariables, throwError, type Builder, type Frame, type StateConfig } from '../builder.js';
import { machineEvent, type MachineEvent } from '../machine-types.js';

/**
 * A call activity starts an instance of another deployed process (the
 * runtime does it while the state is active) and waits for it to end.
 */
export function compileCallActivity(b: Builder, frame: Frame, node: CallActivityNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'call', elementId: node.id, node }, boundaryTimers: node.boundaries.filter((e) => e.trigger.type === 'timer') });
  const next = leave(b, frame, node);
  const failed = node.boundaries.filter((e) => e.trigger.type === 'error').map((e) => {
    const code = e.trigger.type === 'error' ? e.trigger.errorCode : undefined;
    return { ...throwError(b, frame, node.id, code, node), guard: ({ event }: { event: MachineEvent }) => code === undefined || event.errorCode === code };
  });
  return {
    id: b.keys.keyOf(node.id),
    entry: [enter(node.id)],
    on: {
      [machineEvent.callDone(node.id)]: { ...next, actions: [mergeVariables, ...(next.actions ?? [])] },
      ...(failed.length > 0 ? { [machineEvent.callFailed(node.id)]: failed } : {}),
    },
  };
}
