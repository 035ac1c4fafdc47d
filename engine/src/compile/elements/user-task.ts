import { assign } from 'xstate';
import type { UserTaskNode } from '../../model/index.js';
import { enter, leave, mergeVariables, timerBoundaries, type Builder, type Frame, type StateConfig } from '../builder.js';
import { machineEvent, type InstanceContext, type MachineEvent } from '../machine-types.js';
import { addSigners, countersignOutcome, openSlots, removeSigner, startCountersign } from './countersign.js';

/** A user task waits for `complete:<id>`; a multi-instance one for one vote per signer. */
export function compileUserTask(b: Builder, frame: Frame, node: UserTaskNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'userTask', elementId: node.id, node }, boundaryTimers: timerBoundaries(node) });
  const next = leave(b, frame, node);
  const mi = node.multiInstance;
  if (!mi) {
    return {
      id: b.keys.keyOf(node.id),
      entry: [enter(node.id)],
      on: { [machineEvent.complete(node.id)]: { ...next, actions: [mergeVariables, ...(next.actions ?? [])] } },
    };
  }
  const vote = assign(({ context, event }: { context: InstanceContext; event: MachineEvent }) => {
    const state = context.mi[node.id]!;
    const votes = state.votes.slice();
    votes[event.index!] = event.outcome ?? 'approve';
    return {
      vars: event.variables ? { ...context.vars, ...event.variables } : context.vars,
      mi: { ...context.mi, [node.id]: { ...state, votes } },
    };
  });
  const recordOutcome = assign(({ context }: { context: InstanceContext }) => ({
    vars: { ...context.vars, [`${node.id}Outcome`]: countersignOutcome(mi, context.mi[node.id]!, context.vars) === 'approve' ? 'approved' : 'rejected' },
  }));
  return {
    id: b.keys.keyOf(node.id),
    entry: [enter(node.id), startCountersign(node.id, mi)],
    on: {
      [machineEvent.complete(node.id)]: {
        guard: ({ context, event }) => event.index !== undefined && openSlots(context.mi[node.id]).includes(event.index),
        actions: [vote],
      },
      // The runtime checks these before sending them; the rule is decided again by `always` after each.
      [machineEvent.addSigners(node.id)]: { actions: [addSigners(node.id)] },
      [machineEvent.removeSigner(node.id)]: { actions: [removeSigner(node.id)] },
    },
    always: {
      ...next,
      guard: ({ context }) => countersignOutcome(mi, context.mi[node.id], context.vars) !== undefined,
      actions: [recordOutcome, ...(next.actions ?? [])],
    },
  };
}
