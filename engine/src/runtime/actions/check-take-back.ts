import type { HistoryRecord, TaskRecord } from '../records.js';
import { rejected } from '../rejected.js';
import type { WorkItem } from '../work-items.js';

/**
 * 拿回: the clerk who completed a task takes it back while what that
 * completion opened has not moved yet. Everything the completion opened
 * (the next tasks, jobs, timers) must still be open: then moving the token
 * back to the task cancels exactly that, and nothing anybody else did.
 * Whether the next tasks are claimed is the server's check.
 */
export function checkTakeBack(task: TaskRecord, actor: string | undefined, history: readonly HistoryRecord[], items: ReadonlyMap<string, WorkItem>): void {
  if (task.status !== 'completed') {
    throw rejected('task/not-completed', `任务 ${task.id} 尚未办结，无需拿回`, `Expected task ${task.id} to be completed, but it is ${task.status}`, { id: task.id });
  }
  if (actor === undefined || task.completedBy !== actor) {
    throw rejected('take-back/not-yours', '只有办结该任务的经办人可以拿回', 'Only the clerk who completed the task can take it back', { id: task.id });
  }
  if (task.index !== undefined) {
    throw rejected('take-back/countersign', '会签任务的意见不能拿回，请由后续环节退回', 'A countersign vote cannot be taken back; return the task instead', { id: task.id });
  }
  const completion = history.findLast((h) => h.command.type === 'task.complete' && h.command.taskId === task.id);
  const opened = completion?.effects.filter((e) => e.type.endsWith('.opened') && !e.type.startsWith('incident')) ?? [];
  const moved = opened.find((e) => !items.has(e.id));
  if (!completion || moved) {
    throw rejected('take-back/moved-on', '后续环节已经办理，不能拿回', 'The next step has already acted; the task cannot be taken back', { id: task.id, ...(moved ? { movedOn: moved.id } : {}) });
  }
}
