import type { InstanceCommit } from '../../store/index.js';
import type { RatingCommand } from '../commands.js';
import { deadlinesFor, deadlineTimers, type DeadlinePolicy } from '../deadlines.js';
import type { EffectSummary, InstanceRecord, RatingRecord, TaskRecord, TimerRecord } from '../records.js';
import { rejected } from '../rejected.js';

/** The element id of 差评整改 tasks, which belong to no element of the process. */
export const RECTIFICATION = 'rectification';

/** A rating of 1 or 2 (非常不满意, 不满意) is a poor one: it opens a rectification. */
export const POOR_RATING = 2;
const MAX_REASONS = 10;

export interface RatingCommitInput {
  readonly previous: InstanceRecord;
  readonly command: RatingCommand;
  readonly at: Date;
  readonly actor?: string;
  /** The rated task, or the rectification task being completed, as stored. */
  readonly task?: TaskRecord;
  readonly policy?: DeadlinePolicy;
  /** The limit of a 差评整改 task, e.g. `5wd`. */
  readonly rectificationLimit: string;
}

/**
 * 好差评 and 差评整改 as one write: a rating is recorded on the instance
 * (also after it has ended); a poor one opens a rectification task for the
 * rated department with its own limit and deadlines; completing that task
 * closes it. The token never moves.
 */
export function buildRatingCommit(input: RatingCommitInput): InstanceCommit {
  const { previous, command, at } = input;
  const now = at.toISOString();
  const revision = previous.revision + 1;
  const effects: EffectSummary[] = [];
  const tasksOpened: TaskRecord[] = [];
  const tasksClosed: InstanceCommit['tasksClosed'][number][] = [];
  const timersScheduled: TimerRecord[] = [];
  let instance: InstanceRecord = { ...previous, revision, updatedAt: now };
  if (command.type === 'rating.give') {
    const ratings = previous.ratings ?? [];
    checkRating(command, input.task, ratings);
    const department = input.task?.department ?? command.department;
    let rating: RatingRecord = {
      score: command.score, reasons: command.reasons.map((r) => r.trim()), at: now,
      ...(command.taskId !== undefined ? { taskId: command.taskId } : {}),
      ...(department !== undefined ? { department } : {}),
      ...(input.actor !== undefined ? { by: input.actor } : {}),
    };
    effects.push({ type: 'rating.given', id: command.taskId ?? previous.id });
    if (command.score <= POOR_RATING) {
      if (department === undefined) throw rejected('rating/no-department', '差评需要指明整改部门', 'A poor rating needs the department that rectifies', {});
      const task = rectificationTask(previous, ratings.length + 1, department, input, now);
      tasksOpened.push(task);
      timersScheduled.push(...deadlineTimers({ instanceId: previous.id, elementId: task.elementId, taskId: task.id, activation: task.activation }, task, revision));
      rating = { ...rating, rectificationTaskId: task.id };
      effects.push({ type: 'task.opened', id: task.id, elementId: task.elementId });
    }
    instance = { ...instance, ratings: [...ratings, rating] };
  } else {
    const task = input.task;
    if (!task || task.kind !== 'rectification' || task.instanceId !== previous.id) {
      throw rejected('rectification/unknown', `${command.taskId} 不是本件的差评整改任务`, `${command.taskId} is not a rectification task of this instance`, { id: command.taskId });
    }
    if (task.status !== 'open') throw rejected('task/not-open', `整改任务 ${task.id} 已办结`, `Expected rectification ${task.id} to be open, but it is ${task.status}`, { id: task.id });
    tasksClosed.push({ id: task.id, status: 'completed', at: now, ...(input.actor !== undefined ? { by: input.actor } : {}) });
    effects.push({ type: 'task.done', id: task.id, elementId: task.elementId });
  }
  return {
    instance, expectedRevision: previous.revision,
    tasksOpened, tasksClosed, timersScheduled, timersClosed: [], jobsEnqueued: [], jobsClosed: [],
    history: { instanceId: previous.id, revision, at: now, command, effects, ...(input.actor !== undefined ? { actor: input.actor } : {}) },
  };
}

function checkRating(command: Extract<RatingCommand, { type: 'rating.give' }>, task: TaskRecord | undefined, ratings: readonly RatingRecord[]): void {
  if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) {
    throw rejected('rating/invalid', '评价等级须为 1 到 5', 'The score must be a whole number from 1 to 5', { score: command.score });
  }
  const reasons = Array.isArray(command.reasons) ? command.reasons : [];
  if (reasons.length > MAX_REASONS || reasons.some((r) => typeof r !== 'string' || r.trim() === '' || r.length > 500)) {
    throw rejected('rating/invalid', `评价理由最多 ${MAX_REASONS} 条，每条 1 到 500 个字符`, `At most ${MAX_REASONS} reasons of 1 to 500 characters`, {});
  }
  // The scheme asks for the reasons of a poor rating.
  if (command.score <= POOR_RATING && reasons.length === 0) throw rejected('rating/invalid', '差评须说明理由', 'A poor rating needs a reason', {});
  if (command.taskId !== undefined && (!task || task.status !== 'completed' || task.kind === 'rectification')) {
    throw rejected('rating/not-rateable', `任务 ${command.taskId} 尚未办结，不能评价`, `Task ${command.taskId} has not been completed and cannot be rated`, { id: command.taskId });
  }
  if (ratings.some((r) => r.taskId === command.taskId)) {
    throw rejected('rating/duplicate', command.taskId ? `任务 ${command.taskId} 已评价` : '本件已评价', command.taskId ? `Task ${command.taskId} has already been rated` : 'The instance has already been rated', {});
  }
}

function rectificationTask(previous: InstanceRecord, n: number, department: string, input: RatingCommitInput, now: string): TaskRecord {
  const deadlines = input.policy ? deadlinesFor({ timeLimit: input.rectificationLimit }, input.at, input.policy) : {};
  return {
    id: `${previous.id}/${RECTIFICATION}/${n}`, instanceId: previous.id, processId: previous.processId, elementId: RECTIFICATION, activation: n,
    kind: 'rectification', name: '差评整改', department, timeLimit: input.rectificationLimit, status: 'open', createdAt: now, ...deadlines,
  };
}
