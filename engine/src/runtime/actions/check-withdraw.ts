import type { TaskRecord } from '../records.js';
import { rejected } from '../rejected.js';

/**
 * 撤回: an application may be withdrawn only before any department has
 * acted on it, i.e. no task has been completed except those of the
 * departments that received it (the front desk's acceptance). Claims are
 * the server's check.
 */
export function checkWithdraw(tasks: readonly TaskRecord[], receivingDepartments: readonly string[]): void {
  const acted = tasks.find((t) => t.status === 'completed' && !(t.department !== undefined && receivingDepartments.includes(t.department)));
  if (acted) {
    throw rejected('withdraw/acted', `部门已办理（${acted.name ?? acted.elementId}），不能撤回`, `A department has already acted (${acted.elementId}); the application cannot be withdrawn`, { taskId: acted.id });
  }
}
