import type { CallActivityNode } from '../../model/index.js';
import { enter, leave, mergeVariables, boundaryErrorCatches, timerBoundaries, type Builder, type Frame, type StateConfig } from '../builder.js';
import { machineEvent } from '../machine-types.js';

/**
 * A call activity starts an instance of another deployed process (the
 * runtime does it while the state is active) and waits for it to end.
 */
export function compileCallActivity(b: Builder, frame: Frame, node: CallActivityNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'call', elementId: node.id, node }, boundaryTimers: timerBoundaries(node) });
  const next = leave(b, frame, node);
  const failed = boundaryErrorCatches(b, frame, node);
  return {
    id: b.keys.keyOf(node.id),
    entry: [enter(node.id)],
    on: {
      [machineEvent.callDone(node.id)]: { ...next, actions: [mergeVariables, ...(next.actions ?? [])] },
      ...(failed.length > 0 ? { [machineEvent.callFailed(node.id)]: failed } : {}),
    },
  };
}
