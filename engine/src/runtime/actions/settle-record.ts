import type { InstanceCommit } from '../../store/index.js';
import type { RecordCommand } from '../commands.js';
import type { EffectSummary, InstanceRecord, TaskRecord, TaskUpdate } from '../records.js';
import { rejected } from '../rejected.js';

export interface RecordContext {
  /** The task the command is about, as stored now. */
  readonly task: TaskRecord | undefined;
  readonly instance: InstanceRecord;
  readonly actor: string | undefined;
  readonly at: Date;
}

/**
 * 转办, 委派 and its resolution, 催办 and 抄送 change who holds a task or who
 * may read the application, never the token: checked here against the
 * stored task, then written into the commit as task fields, instance
 * fields and effects.
 */
export function settleRecord(commit: InstanceCommit, command: RecordCommand, context: RecordContext): InstanceCommit {
  const now = context.at.toISOString();
  const effects: EffectSummary[] = [...commit.history.effects];
  if (command.type === 'instance.copy') {
    const copies = context.instance.copies ?? [];
    const to = 'user' in command.to ? { user: command.to.user } : { department: command.to.department };
    const name = to.user ?? to.department ?? '';
    if (typeof name !== 'string' || name.trim() === '') throw rejected('copy/invalid', '抄送对象不能为空', 'Copy to whom?', {});
    if (copies.some((c) => c.user === to.user && c.department === to.department)) {
      throw rejected('copy/duplicate', `已抄送给 ${name}`, `Already copied to ${name}`, { to: name });
    }
    effects.push({ type: 'instance.copied', id: name });
    const copy = { ...to, at: now, ...(context.actor !== undefined ? { by: context.actor } : {}), ...(command.taskId !== undefined ? { taskId: command.taskId } : {}) };
    return { ...commit, instance: { ...commit.instance, copies: [...copies, copy] }, history: { ...commit.history, effects } };
  }
  const task = context.task;
  if (!task || task.status !== 'open') {
    throw rejected('task/not-open', `任务 ${command.taskId} 已办结或已取消`, `Expected task ${command.taskId} to be open, but it is not`, { id: command.taskId });
  }
  const update = taskUpdate(task, command, context.actor, now);
  effects.push({ type: effectOf(command.type), id: task.id, elementId: task.elementId });
  return { ...commit, tasksUpdated: [...(commit.tasksUpdated ?? []), update], history: { ...commit.history, effects } };
}

function taskUpdate(task: TaskRecord, command: Exclude<RecordCommand, { type: 'instance.copy' }>, actor: string | undefined, now: string): TaskUpdate {
  const pending = task.delegation?.state === 'pending' ? task.delegation : undefined;
  switch (command.type) {
    case 'task.transfer':
      if (pending) throw rejected('task/delegated', '任务已委派，待被委派人处理后才能转办', 'The task is delegated; it can be transferred once the delegate has resolved it', { id: task.id });
      if (command.toDepartment !== task.department) {
        throw rejected('transfer/other-department', '只能转办给本部门的经办人', 'A task can be transferred only to a clerk of its own department', { id: task.id, department: task.department });
      }
      if (!command.to || command.to === (task.assignee ?? actor)) throw rejected('transfer/same-clerk', '不能转办给当前经办人', 'The task is already with this clerk', { id: task.id });
      return { id: task.id, assignee: command.to };
    case 'task.delegate':
      if (pending) throw rejected('task/delegated', '任务已委派', 'The task is already delegated', { id: task.id });
      if (!command.to || command.to === actor) throw rejected('delegate/self', '不能委派给自己', 'A task cannot be delegated to oneself', { id: task.id });
      return { id: task.id, delegation: { owner: actor ?? '', delegate: command.to, at: now, state: 'pending' } };
    case 'task.resolve':
      if (!pending) throw rejected('delegate/not-delegated', '任务没有待处理的委派', 'The task is not delegated', { id: task.id });
      if (pending.delegate !== actor) throw rejected('delegate/not-yours', '只有被委派人可以处理委派', 'Only the delegate can resolve a delegation', { id: task.id });
      return { id: task.id, delegation: { ...pending, state: 'resolved', resolvedAt: now } };
    case 'task.urge':
      return { id: task.id, urges: (task.urges ?? 0) + 1, lastUrgedAt: now };
  }
}

function effectOf(type: Exclude<RecordCommand, { type: 'instance.copy' }>['type']): string {
  return { 'task.transfer': 'task.transferred', 'task.delegate': 'task.delegated', 'task.resolve': 'task.resolved', 'task.urge': 'task.urged' }[type];
}
