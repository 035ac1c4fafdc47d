import { machineEvent, type CompiledProcess, type InstanceContext, type MachineEvent, type MultiInstanceState } from '../../compile/index.js';
import type { UserTaskNode } from '../../model/index.js';
import type { Command } from '../commands.js';
import { rejected } from '../rejected.js';
import type { WorkItem } from '../work-items.js';
import { isEarlier } from './is-earlier.js';

type ActionCommand = Extract<Command, { type: 'task.return' | 'task.takeBack' | 'task.addSigners' | 'task.removeSigner' }>;

/**
 * The machine event of an approval action that moves the token or the
 * votes, after checking it against the snapshot: a return goes only to an
 * earlier task of the returning branch that has run; signers are added to
 * or removed from an open countersign within its rules.
 */
export function actionEvent(
  command: ActionCommand,
  expect: (id: string, type: 'task') => WorkItem,
  process: CompiledProcess,
  context: InstanceContext,
): MachineEvent {
  switch (command.type) {
    case 'task.return': {
      const item = expect(command.taskId, 'task');
      const target = userTaskNode(process, command.to);
      if (!target || !isEarlier(process, command.to, item.elementId)) {
        throw rejected('return/not-earlier', `${command.to} 不是 ${item.elementId} 之前、同一分支上的办理环节`, `${command.to} is not a task before ${item.elementId} on its branch`, { id: item.id, to: command.to });
      }
      if (context.act[command.to] === undefined) {
        throw rejected('return/not-run', `${command.to} 在本件中没有办理过，不能退回到它`, `${command.to} has not run in this instance; nothing to return to`, { id: item.id, to: command.to });
      }
      return gotoEvent(process, command.to);
    }
    case 'task.takeBack': {
      const target = userTaskNode(process, command.elementId);
      if (!target || target.multiInstance) {
        throw rejected('take-back/countersign', `${command.elementId} 不能拿回`, `${command.elementId} cannot be taken back`, { elementId: command.elementId });
      }
      return gotoEvent(process, command.elementId);
    }
    case 'task.addSigners': {
      const item = expect(command.taskId, 'task');
      const mi = countersignOf(item, context);
      const signers = Array.isArray(command.signers) ? command.signers : [];
      if (signers.length === 0 || signers.length > 50 || mi.votes.length + signers.length > 1000) {
        throw rejected('signers/invalid', '加签人数须为 1 到 50 人', 'Add 1 to 50 signers at a time', { id: item.id });
      }
      if (!mi.sequential && command.position !== undefined && command.position !== 'parallel') {
        throw rejected('signers/position', '并行会签只能并加签', 'A parallel countersign takes added signers in parallel only', { id: item.id, position: command.position });
      }
      return { type: machineEvent.addSigners(item.elementId), signers, ...(command.position ? { position: command.position } : {}) };
    }
    case 'task.removeSigner': {
      const item = expect(command.taskId, 'task');
      const mi = countersignOf(item, context);
      const i = command.index;
      if (!Number.isInteger(i) || i < 0 || i >= mi.votes.length || mi.removed?.includes(i)) {
        throw rejected('signers/unknown', `会签中没有第 ${i} 位会签人`, `No signer ${i} in this countersign`, { id: item.id, index: i });
      }
      if (mi.votes[i] !== null) throw rejected('signers/voted', '该会签人已签署意见，不能减签', 'This signer has already voted and cannot be removed', { id: item.id, index: i });
      if (mi.votes.length - (mi.removed?.length ?? 0) <= 1) throw rejected('signers/last', '不能减去最后一位会签人', 'The last signer cannot be removed', { id: item.id, index: i });
      return { type: machineEvent.removeSigner(item.elementId), index: i };
    }
  }
}

/** The user task `elementId`, in the process or in any sub-process of it. */
function userTaskNode(process: CompiledProcess, elementId: string): UserTaskNode | undefined {
  for (const entry of process.entries.values()) {
    if (entry.info.kind === 'userTask' && entry.info.elementId === elementId) return entry.info.node;
  }
  return undefined;
}

/** The 会签 state of the countersign an open slot task belongs to. */
function countersignOf(item: WorkItem, context: InstanceContext): MultiInstanceState {
  const mi = item.type === 'task' && item.index !== undefined ? context.mi[item.elementId] : undefined;
  if (!mi) throw rejected('signers/not-countersign', `${item.elementId} 不是会签任务`, `${item.elementId} is not a countersign task`, { id: item.id });
  return mi;
}

/** Sends the token of the user task's region back to it. */
function gotoEvent(process: CompiledProcess, elementId: string): MachineEvent {
  return { type: machineEvent.goto(process.positions.get(elementId)?.regions[0] ?? ''), to: elementId };
}
