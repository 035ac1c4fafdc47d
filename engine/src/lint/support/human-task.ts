import type { ModdleElement } from './moddle.js';

/**
 * Tasks a department clerk works on. A plain `bpmn:Task` is read as a user
 * task by the engine, and a manual task is still assigned to a department
 * and promised to the applicant, so all three carry department and limit.
 * Exact types on purpose: `bpmn:ServiceTask` is a `bpmn:Task` too.
 */
const HUMAN_TASK_TYPES: readonly string[] = ['bpmn:Task', 'bpmn:UserTask', 'bpmn:ManualTask'];

export function isHumanTask(element: ModdleElement): boolean {
  return HUMAN_TASK_TYPES.includes(element.$type);
}
