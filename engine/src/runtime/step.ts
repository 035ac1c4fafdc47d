import { initialTransition, transition } from 'xstate';
import { END_STATES, machineEvent, type CompiledProcess, type MachineEvent } from '../compile/index.js';
import { RejectedCommandError } from '../errors.js';
import {
  isClockCommand, isMaterialCommand, isRatingCommand, isRecordCommand,
  type ClockCommand, type Command, type MaterialCommand, type RatingCommand, type RecordCommand,
} from './commands.js';
import type { InstanceStatus } from './records.js';
import { awaitedMessages, workItems, type WorkItem } from './work-items.js';
import { actionEvent } from './actions/index.js';

export type MachineSnapshot = ReturnType<typeof initialTransition<CompiledProcess['machine']>>[0];

export interface StepResult {
  readonly snapshot: MachineSnapshot;
  readonly status: InstanceStatus;
  readonly opened: readonly WorkItem[];
  readonly closed: readonly { readonly item: WorkItem; readonly reason: 'done' | 'cancelled' }[];
  /** All work items after the step. */
  readonly items: ReadonlyMap<string, WorkItem>;
}

/**
 * The pure heart of the runtime: applies one command to an instance's
 * snapshot and says what opened and closed, without touching a store, a
 * clock or a connector. Commands that do not apply are rejected with a
 * typed error and change nothing.
 */
export function step(
  process: CompiledProcess,
  instanceId: string,
  before: { snapshot: MachineSnapshot; items: ReadonlyMap<string, WorkItem> } | undefined,
  command: Command,
): StepResult {
  const machine = process.machine;
  let snapshot: MachineSnapshot;
  let target: string | undefined;
  if (command.type === 'start') {
    if (before) throw new RejectedCommandError('instance/already-started', `Instance ${instanceId} has already started`);
    [snapshot] = initialTransition(machine, { variables: { ...command.variables } });
  } else {
    if (!before) throw new RejectedCommandError('instance/not-started', `Instance ${instanceId} has not started`);
    // A missing material is supplied or runs out also after the process has
    // reached its end (the instance then awaits the supplement): only an
    // overdue material of a running process moves the token, to the end.
    // Ratings and their rectification are about the service, not the token.
    if (isRatingCommand(command)) return unchanged(before);
    if (isMaterialCommand(command)) {
      if (command.type === 'material.supply' || before.snapshot.status !== 'active') return unchanged(before);
      [snapshot] = transition(machine, before.snapshot, { type: machineEvent.terminate });
      return diff(process, instanceId, before, snapshot, undefined);
    }
    if (before.snapshot.status !== 'active') {
      throw new RejectedCommandError('instance/ended', `Expected instance ${instanceId} to be active, but it has ended`, { instanceId });
    }
    // Deadlines and clocks are the runtime's business; the token does not move.
    if (isClockCommand(command) || isRecordCommand(command)) return unchanged(before);
    const resolved = toMachineEvent(command, before.items, instanceId, process, before.snapshot);
    target = resolved.target;
    [snapshot] = transition(machine, before.snapshot, resolved.event);
    if (snapshot.value === before.snapshot.value && snapshot.context === before.snapshot.context && resolved.mustChange) {
      throw new RejectedCommandError('command/not-applicable', `The instance does not accept ${command.type} now`, { instanceId, command: command.type });
    }
  }
  return diff(process, instanceId, before, snapshot, target);
}

function unchanged(before: { snapshot: MachineSnapshot; items: ReadonlyMap<string, WorkItem> }): StepResult {
  return { snapshot: before.snapshot, status: statusOf(before.snapshot), opened: [], closed: [], items: before.items };
}

/** What opened and closed between two snapshots; `target` is the item the command completed. */
function diff(
  process: CompiledProcess,
  instanceId: string,
  before: { snapshot: MachineSnapshot; items: ReadonlyMap<string, WorkItem> } | undefined,
  snapshot: MachineSnapshot,
  target: string | undefined,
): StepResult {
  const items = workItems(process, instanceId, snapshot);
  const opened: WorkItem[] = [];
  const closed: { item: WorkItem; reason: 'done' | 'cancelled' }[] = [];
  for (const [id, item] of items) if (!before?.items.has(id)) opened.push(item);
  if (before) {
    for (const [id, item] of before.items) {
      if (!items.has(id)) closed.push({ item, reason: id === target ? 'done' : 'cancelled' });
    }
  }
  return { snapshot, status: statusOf(snapshot), opened, closed, items };
}

export function statusOf(snapshot: MachineSnapshot): InstanceStatus {
  if (snapshot.status !== 'done') return 'active';
  switch (snapshot.value as unknown) {
    case END_STATES.terminated: return 'terminated';
    case END_STATES.failed: return 'failed';
    default: return 'completed';
  }
}

function toMachineEvent(
  command: Exclude<Command, { type: 'start' } | ClockCommand | MaterialCommand | RecordCommand | RatingCommand>,
  items: ReadonlyMap<string, WorkItem>,
  instanceId: string,
  process: CompiledProcess,
  snapshot: MachineSnapshot,
): { event: MachineEvent; target?: string; mustChange: boolean } {
  const expect = (id: string, type: WorkItem['type']): WorkItem => {
    const item = items.get(id);
    if (!item || item.type !== type) {
      throw new RejectedCommandError(`${type}/not-open`, `Expected ${type} ${id} to be open in instance ${instanceId}, but it is not`, { id, instanceId });
    }
    return item;
  };
  switch (command.type) {
    case 'task.complete': {
      const item = expect(command.taskId, 'task');
      return {
        target: item.id, mustChange: true,
        event: {
          type: machineEvent.complete(item.elementId),
          ...(item.type === 'task' && item.index !== undefined ? { index: item.index } : {}),
          ...(command.variables ? { variables: command.variables } : {}),
          ...(command.outcome ? { outcome: command.outcome } : {}),
        },
      };
    }
    case 'timer.fire': {
      const item = expect(command.timerId, 'timer');
      return { target: item.id, mustChange: false, event: { type: machineEvent.timer(item.elementId) } };
    }
    case 'job.complete': {
      const item = expect(command.jobId, 'job');
      return { target: item.id, mustChange: true, event: { type: machineEvent.jobDone(item.elementId), result: command.result } };
    }
    case 'job.fail': {
      const item = expect(command.jobId, 'job');
      return { target: item.id, mustChange: false, event: { type: machineEvent.jobFailed(item.elementId), ...(command.errorCode !== undefined ? { errorCode: command.errorCode } : {}) } };
    }
    case 'call.complete': {
      const item = expect(command.callId, 'call');
      return { target: item.id, mustChange: true, event: { type: machineEvent.callDone(item.elementId), ...(command.variables ? { variables: command.variables } : {}) } };
    }
    case 'call.fail': {
      const item = expect(command.callId, 'call');
      return { target: item.id, mustChange: false, event: { type: machineEvent.callFailed(item.elementId), ...(command.errorCode !== undefined ? { errorCode: command.errorCode } : {}) } };
    }
    case 'message': {
      if (!awaitedMessages(process, snapshot).includes(command.name)) {
        throw new RejectedCommandError('message/not-awaited', `Instance ${instanceId} is not waiting for message ${command.name}`, { instanceId, name: command.name });
      }
      return { mustChange: true, event: { type: machineEvent.message(command.name), ...(command.variables ? { variables: command.variables } : {}) } };
    }
    case 'task.return':
    case 'task.takeBack':
    case 'task.addSigners':
    case 'task.removeSigner':
      return { mustChange: true, event: actionEvent(command, expect, process, snapshot.context) };
    case 'instance.withdraw':
      return { mustChange: true, event: { type: machineEvent.terminate } };
    case 'variables.update':
      return { mustChange: false, event: { type: machineEvent.updateVariables, variables: command.variables } };
    case 'terminate':
      return { mustChange: true, event: { type: machineEvent.terminate } };
  }
}
