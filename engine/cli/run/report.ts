import type { Incident, InstanceStatus } from '../../src/index.js';
import type { Action, RunStep } from './instance-driver.js';
import type { StopReason } from './drive.js';
import { formatCstInstant } from '../../src/index.js';

/** The `--json` summary of `tongban run`. */
export interface RunSummary {
  status: InstanceStatus;
  instanceId: string;
  steps: RunStep[];
  variables: Record<string, unknown>;
  /** Present when the run stopped with the instance still active: why. */
  stopped?: StopReason;
  /** The engine's message when a command failed. */
  error?: string;
  incidents?: readonly Incident[];
}

const STATUS_LABELS: Record<InstanceStatus, string> = {
  active: '未办结',
  completed: '已办结',
  terminated: '已终止',
  failed: '失败',
};

const STOP_LABELS: Record<StopReason, string> = {
  stuck: '没有可办理的事项，实例停滞 (nothing left to do: the instance is stuck)',
  quit: '已退出 (quit)',
  'max-steps': '步数达到上限 (step limit reached)',
  error: '引擎拒绝了命令 (the engine refused a command)',
};

/** `✓ 完成任务 Task_tax (tax)` and the like. */
export function stepLine(step: RunStep): string {
  switch (step.type) {
    case 'task': return `✓ 完成任务 ${step.elementId} (${step.department ?? '-'})`;
    case 'job': return `⚙ 完成作业 ${step.elementId} (${step.connector ?? '-'})`;
    case 'message': return `✉ 送达消息 (message delivered) ${step.name}`;
    case 'timer': return `⏰ 触发定时器 (timer fired) ${step.elementId}：${formatCstInstant(new Date(step.dueAt))}`;
  }
}

/** One numbered line of the interactive menu. */
export function actionLine(action: Action): string {
  switch (action.type) {
    case 'task': {
      const { task } = action;
      return `任务 ${task.elementId}${task.name !== undefined ? ` ${task.name}` : ''} (${task.department ?? '-'})${task.timeLimit !== undefined ? ` 承诺时限 ${task.timeLimit}` : ''}`;
    }
    case 'job': return `作业 ${action.job.elementId} (${action.job.connector ?? '-'})，以空结果完成 (complete with an empty result)`;
    case 'message': return `消息 (message) ${action.name}，送达 (deliver)`;
    case 'timer': return `定时器 (timer) ${action.timer.elementId}，到期 (due) ${formatCstInstant(new Date(action.timer.dueAt))}`;
  }
}

export function summaryLines(summary: RunSummary): string[] {
  const lines = [`结束状态 (status): ${summary.status}（${STATUS_LABELS[summary.status]}）`];
  if (summary.stopped) lines.push(`停止原因 (stopped): ${STOP_LABELS[summary.stopped]}${summary.error !== undefined ? `: ${summary.error}` : ''}`);
  for (const incident of summary.incidents ?? []) lines.push(`✖ 异常 (incident) ${incident.elementId}: ${incident.message} (${incident.messageEn})`);
  lines.push(`变量 (variables): ${JSON.stringify(summary.variables)}`);
  return lines;
}
