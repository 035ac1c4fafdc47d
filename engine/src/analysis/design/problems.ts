import { problem, type Problem } from '../../problems/index.js';
import type { DesignNote } from './types.js';

const LIMIT_NAMES = {
  timeLimit: { zh: '承诺时限', en: 'promised limit' },
  legalTimeLimit: { zh: '法定时限', en: 'legal limit' },
} as const;

/** Problems of the design analysis: figures it had to compute from less than the diagram should say. */
export const designProblems = {
  invalidLimit: (taskId: string, attribute: keyof typeof LIMIT_NAMES, text: string): Problem =>
    problem('analysis/invalid-limit', 'warning',
      `${LIMIT_NAMES[attribute].zh} tb:${attribute}“${text}”无法识别（应如 5wd、4wh、3cd），分析时视为未设置`,
      `The ${LIMIT_NAMES[attribute].en} tb:${attribute} "${text}" cannot be read (expected e.g. 5wd, 4wh, 3cd); the analysis treats it as absent`,
      { elementId: taskId }),

  noLimit: (taskId: string): Problem =>
    problem('analysis/no-limit', 'warning', '任务既无承诺时限也无法定时限，分析时按 0 个工作日计',
      'The task has neither a promised nor a legal limit; the analysis counts it as 0 working days', { elementId: taskId }),

  probabilities: (gatewayId: string, sum: number): Problem =>
    problem('analysis/probability-sum', 'warning',
      `排他网关各出线的 tb:probability 之和为 ${formatShare(sum)}，不等于 1；已按比例换算`,
      `The tb:probability values of the exclusive gateway's outgoing flows add up to ${formatShare(sum)}, not 1; they are scaled`,
      { elementId: gatewayId }),
};

/** Notes: what the figures assume, so a reader can judge them. */
export const designNotes = {
  callActivity: (id: string, calledElement: string): DesignNote => ({
    code: 'analysis/call-activity-not-counted', elementId: id,
    message: `调用活动（${calledElement}）的时长未知，按 0 个工作日计`,
    messageEn: `The duration of the call activity (${calledElement}) is unknown and counts as 0 working days`,
  }),

  timer: (id: string): DesignNote => ({
    code: 'analysis/timer-not-counted', elementId: id,
    message: '定时器不是时长（日期、周期或无法识别），按 0 个工作日计',
    messageEn: 'The timer is not a duration (a date, a cycle or unreadable) and counts as 0 working days',
  }),

  loop: (flowId: string): DesignNote => ({
    code: 'analysis/loop-counted-once', elementId: flowId,
    message: '这条连线回到之前的步骤（如退回补正），循环只计一次',
    messageEn: 'This flow goes back to an earlier step (e.g. return for correction); the loop is counted once',
  }),
};

function formatShare(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
