import type { MessageCatchNode, TimerCatchNode } from '../../model/index.js';
import { enter, leave, mergeVariables, type Builder, type Frame, type StateConfig } from '../builder.js';
import { machineEvent } from '../machine-types.js';

/** An intermediate timer catch waits until the runtime's timer fires. */
export function compileTimerCatch(b: Builder, frame: Frame, node: TimerCatchNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'timer', elementId: node.id, timer: node.timer }, boundaryTimers: [] });
  return { id: b.keys.keyOf(node.id), entry: [enter(node.id)], on: { [machineEvent.timer(node.id)]: leave(b, frame, node) } };
}

/** An intermediate message catch waits for the message (e.g. the applicant's resubmission after 补正). */
export function compileMessageCatch(b: Builder, frame: Frame, node: MessageCatchNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'message', elementId: node.id, messageName: node.messageName }, boundaryTimers: [] });
  const next = leave(b, frame, node);
  return {
    id: b.keys.keyOf(node.id),
    entry: [enter(node.id)],
    on: { [machineEvent.message(node.messageName)]: { ...next, actions: [mergeVariables, ...(next.actions ?? [])] } },
  };
}
