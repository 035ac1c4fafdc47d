import { problem, type Problem } from '../../problems/index.js';

const on = (elementId: string, elementType?: string) => (elementType ? { elementId, elementType } : { elementId });

/** Problems of the serial → parallel re-engineering, Chinese and English, keyed by code. */
export const reengineerProblems = {
  notSerial: (elementId: string, elementType: string | undefined, zh: string, en: string): Problem =>
    problem('reengineer/not-serial', 'error', `现状流程不是简单的串联任务链：${zh}`, `The as-is process is not a simple serial chain of tasks: ${en}`,
      on(elementId, elementType)),

  noTasks: (processId: string): Problem =>
    problem('reengineer/no-tasks', 'error', '现状流程中没有任务，无需改造', 'The as-is process has no task to re-engineer', on(processId)),

  cycle: (ids: readonly string[]): Problem =>
    problem('reengineer/cycle', 'error', `任务之间存在循环依赖：${[...ids, ids[0]].join(' → ')}`,
      `The tasks depend on each other in a cycle: ${[...ids, ids[0]].join(' → ')}`, on(ids[0] ?? '')),

  unknownProducer: (taskId: string, producer: string): Problem =>
    problem('reengineer/unknown-task', 'error', `任务 ${taskId} 依赖的任务 ${producer} 不存在`,
      `Task ${taskId} depends on ${producer}, which is not a task of the chain`, on(taskId)),

  writeWrite: (earlier: string, later: string, path: string): Problem =>
    problem('reengineer/write-write', 'warning',
      `任务 ${earlier} 和 ${later} 都写入 ${path}，改造后 ${later} 不再排在 ${earlier} 之后，结果可能与串联办理不同；请手工调整顺序或改用不同的变量`,
      `Tasks ${earlier} and ${later} both write ${path}, and ${later} no longer runs after ${earlier}: the result may differ from the serial process; order them by hand or use different variables`,
      on(later)),

  writeAfterRead: (earlier: string, later: string, path: string): Problem =>
    problem('reengineer/write-after-read', 'warning',
      `任务 ${later} 写入 ${earlier} 读取的 ${path}，改造后 ${later} 不再排在 ${earlier} 之后，${earlier} 可能读到新值；请手工调整顺序或改用不同的变量`,
      `Task ${later} writes ${path}, which ${earlier} reads, and no longer runs after ${earlier}: ${earlier} may see the new value; order them by hand or use different variables`,
      on(later)),

  layoutFailed: (processId: string, detail: string): Problem =>
    problem('reengineer/layout-failed', 'error', `目标流程图自动布局失败：${detail}`, `Laying out the to-be diagram failed: ${detail}`, on(processId)),

  noPrediction: (processId: string, detail: string): Problem =>
    problem('reengineer/no-prediction', 'warning', `无法预测办理时限压缩：${detail}`, `The time-limit compression cannot be predicted: ${detail}`, on(processId)),
};
