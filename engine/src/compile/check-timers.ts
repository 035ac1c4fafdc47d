import type { FlowNode, TimerDefinition } from '../model/index.js';
import { problem, type Problem } from '../problems/index.js';
import { isSchedulable } from '../time/timer-due.js';

/**
 * Timers are checked at compile time, so a diagram whose timer could never
 * be scheduled is refused before deploy instead of stalling an instance.
 */
export function checkTimers(node: FlowNode, problems: Problem[]): void {
  if (node.kind === 'timerCatch') checkTimer(node.id, node.timer, problems);
  for (const boundary of node.boundaries) {
    if (boundary.trigger.type === 'timer') checkTimer(boundary.id, boundary.trigger.timer, problems);
  }
}

function checkTimer(elementId: string, timer: TimerDefinition, problems: Problem[]): void {
  if (timer.type === 'cycle') {
    problems.push(problem('compile/unsupported-timer-cycle', 'error',
      `定时器 ${elementId} 使用了循环定义（timeCycle），引擎暂不支持重复定时器；请改用 timeDuration 或 timeDate`,
      `Timer ${elementId} uses a cycle (timeCycle), which the engine does not run yet; use timeDuration or timeDate`,
      { elementId, elementType: 'bpmn:TimerEventDefinition' }));
    return;
  }
  if (!isSchedulable(timer)) {
    problems.push(problem('compile/invalid-timer', 'error',
      `定时器 ${elementId} 的${timer.type === 'duration' ? '时长' : '日期'}“${timer.value}”无法识别（时长如 P3D、PT4H 或 5wd、4wh、3cd；日期如 2026-05-01T09:00:00+08:00）`,
      `Timer ${elementId} has a ${timer.type} "${timer.value}" that cannot be read (durations like P3D, PT4H or 5wd, 4wh, 3cd; dates like 2026-05-01T09:00:00+08:00)`,
      { elementId }));
  }
}
