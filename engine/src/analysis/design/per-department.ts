import { legalDays, promisedDays, type Item } from './read-items.js';
import type { DepartmentDesignFigures } from './types.js';

/**
 * Figures per department, in order of the department's first task in the
 * document. A department is on the critical path when one of its tasks has
 * no slack; `criticalDepartments` lists those by their earliest critical start
 * (tasks without a department are left out of that list).
 */
export function perDepartment(
  items: Iterable<Item>,
  slack: ReadonlyMap<string, number>,
  start: ReadonlyMap<string, number>,
): { perDepartment: DepartmentDesignFigures[]; criticalDepartments: string[] } {
  const rows = new Map<string, { department: string; tasks: string[]; promisedWorkingDays: number; legalWorkingDays: number; onCriticalPath: boolean }>();
  const criticalStart = new Map<string, number>();
  for (const item of items) {
    const department = item.task.department ?? '';
    let row = rows.get(department);
    if (!row) rows.set(department, (row = { department, tasks: [], promisedWorkingDays: 0, legalWorkingDays: 0, onCriticalPath: false }));
    row.tasks.push(item.task.id);
    row.promisedWorkingDays += promisedDays(item);
    row.legalWorkingDays += legalDays(item);
    if (slack.get(item.task.id) !== 0) continue;
    row.onCriticalPath = true;
    if (department === '') continue;
    const begins = start.get(item.task.id) ?? 0;
    if (!criticalStart.has(department) || begins < criticalStart.get(department)!) criticalStart.set(department, begins);
  }
  // A stable sort keeps document order among departments that start together.
  const criticalDepartments = [...criticalStart.keys()].sort((a, b) => criticalStart.get(a)! - criticalStart.get(b)!);
  return { perDepartment: [...rows.values()], criticalDepartments };
}
