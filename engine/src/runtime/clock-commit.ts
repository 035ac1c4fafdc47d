import type { CompiledProcess } from '../compile/index.js';
import { RejectedCommandError } from '../errors.js';
import type { InstanceCommit } from '../store/index.js';
import type { ClockCommand } from './commands.js';
import { deadlineTimers, shiftDeadlines, type DeadlinePolicy } from './deadlines.js';
import type { ClockPause, Deadlines, EffectSummary, InstanceRecord, TaskRecord, TimerRecord } from './records.js';

export interface ClockCommitInput {
  readonly process: CompiledProcess;
  readonly previous: InstanceRecord;
  readonly command: ClockCommand;
  readonly at: Date;
  readonly actor?: string;
  readonly policy?: DeadlinePolicy;
  /** The instance's timers that are still scheduled. */
  readonly scheduledTimers: readonly TimerRecord[];
  readonly openTasks: readonly TaskRecord[];
}

/**
 * One write for a command that changes clocks and deadlines but not the
 * token: a deadline reached (the light turns yellow or red), a clock
 * stopped (补正 or an excluded procedure such as 听证 or 专家评审), a clock
 * resumed (every affected deadline moves by the paused working time, or
 * restarts for a 补正 when the process says so).
 */
export function buildClockCommit(input: ClockCommitInput): InstanceCommit {
  const { previous, command, at } = input;
  const now = at.toISOString();
  const revision = previous.revision + 1;
  const effects: EffectSummary[] = [];
  const parts = {
    tasksOpened: [] as TaskRecord[], tasksClosed: [] as InstanceCommit['tasksClosed'][number][], tasksUpdated: [] as ({ id: string } & Deadlines)[],
    timersScheduled: [] as TimerRecord[], timersClosed: [] as InstanceCommit['timersClosed'][number][],
  };
  let instance: InstanceRecord = { ...previous, revision, updatedAt: now };
  const pauses = previous.pauses ?? [];
  switch (command.type) {
    case 'deadline.reach': {
      const timer = input.scheduledTimers.find((t) => t.id === command.timerId && t.deadline);
      if (!timer?.deadline) throw new RejectedCommandError('timer/not-open', `Expected deadline timer ${command.timerId} to be scheduled, but it is not`, { id: command.timerId });
      parts.timersClosed.push({ id: timer.id, status: 'fired', at: now });
      effects.push({ type: `deadline.${timer.deadline.level}`, id: timer.deadline.taskId ?? previous.id, elementId: timer.elementId });
      break;
    }
    case 'clock.stop': {
      if (command.kind === 'excludedProcedure' && !input.openTasks.some((t) => t.id === command.taskId)) {
        throw new RejectedCommandError('task/not-open', `Expected task ${command.taskId ?? '(none)'} to be open for an excluded procedure, but it is not`, { id: command.taskId });
      }
      if (pauses.some((p) => p.to === undefined && p.kind === command.kind && p.taskId === command.taskId)) {
        throw new RejectedCommandError('clock/already-stopped', `The clock of ${command.taskId ?? previous.id} is already stopped for ${command.kind}`);
      }
      const pause: ClockPause = {
        id: `${previous.id}/pause/${revision}`, kind: command.kind, from: now,
        ...(command.taskId !== undefined ? { taskId: command.taskId } : {}),
        ...(command.procedure !== undefined ? { procedure: command.procedure } : {}),
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
      };
      instance = { ...instance, pauses: [...pauses, pause] };
      // While the clock stands still no light may change: the affected deadline timers go.
      for (const t of input.scheduledTimers) if (t.deadline && affects(pause, t.deadline.taskId)) parts.timersClosed.push({ id: t.id, status: 'cancelled', at: now });
      effects.push({ type: 'clock.stopped', id: pause.id, ...(command.taskId ? { elementId: input.openTasks.find((t) => t.id === command.taskId)?.elementId ?? '' } : {}) });
      break;
    }
    case 'clock.resume': {
      const pause = pauses.find((p) => p.id === command.pauseId && p.to === undefined);
      if (!pause) throw new RejectedCommandError('clock/not-stopped', `Expected pause ${command.pauseId} to be running, but it is not`, { id: command.pauseId });
      const pausedMs = input.policy ? input.policy.calendar.workingMsBetween(new Date(pause.from), at) : 0;
      instance = { ...instance, pauses: pauses.map((p) => (p === pause ? { ...p, to: now, pausedMs } : p)) };
      effects.push({ type: 'clock.resumed', id: pause.id });
      if (input.policy) resumeDeadlines(input, pause, pausedMs, revision, parts, (d) => { instance = { ...withoutDeadlines(instance), ...d }; });
      break;
    }
  }
  return {
    instance, expectedRevision: previous.revision,
    ...parts, jobsEnqueued: [], jobsClosed: [],
    history: { instanceId: previous.id, revision, at: now, command, effects, ...(input.actor ? { actor: input.actor } : {}) },
  };
}

function affects(pause: Pick<ClockPause, 'kind' | 'taskId'>, taskId: string | undefined): boolean {
  // A 补正 stops every clock of the application; a procedure stops its task's and the application's.
  return pause.kind === 'correction' || taskId === undefined || taskId === pause.taskId;
}

function resumeDeadlines(
  input: ClockCommitInput,
  pause: ClockPause,
  pausedMs: number,
  revision: number,
  parts: { tasksUpdated: ({ id: string } & Deadlines)[]; timersScheduled: TimerRecord[] },
  setInstance: (d: Deadlines) => void,
): void {
  const policy = input.policy!;
  const restart = pause.kind === 'correction' && input.process.model.correctionClock === 'restart';
  const at = input.at;
  for (const task of input.openTasks) {
    if (!affects(pause, task.id)) continue;
    const node = input.process.model.scope.nodes.get(task.elementId);
    const limits = node && node.kind === 'userTask' ? node : {};
    const moved = shiftDeadlines(task, pausedMs, policy, restart ? { at, limits } : undefined);
    parts.tasksUpdated.push({ id: task.id, ...moved });
    parts.timersScheduled.push(...deadlineTimers({ instanceId: task.instanceId, elementId: task.elementId, taskId: task.id, activation: task.activation }, moved, revision));
  }
  const moved = shiftDeadlines(input.previous, pausedMs, policy, restart ? { at, limits: input.process.model } : undefined);
  setInstance(moved);
  parts.timersScheduled.push(...deadlineTimers({ instanceId: input.previous.id, elementId: input.process.processId, activation: 0 }, moved, revision));
}

function withoutDeadlines(instance: InstanceRecord): InstanceRecord {
  const { dueAt: _d, warnAt: _w, legalDueAt: _l, ...rest } = instance;
  return rest;
}
