import type { InstanceRecord, JobRecord, Runtime, Store, TaskRecord, TimerRecord } from '../../src/index.js';
import type { ShiftableClock } from '../support/system-ports.js';

/** Something that can move an instance on: an open task, a pending job, an awaited message or a scheduled timer. */
export type Action =
  | { readonly type: 'task'; readonly task: TaskRecord }
  | { readonly type: 'job'; readonly job: JobRecord }
  | { readonly type: 'message'; readonly name: string }
  | { readonly type: 'timer'; readonly timer: TimerRecord };

/** What one action did, as the run report lists it. */
export type RunStep =
  | { type: 'task'; taskId: string; elementId: string; name?: string; department?: string }
  | { type: 'job'; jobId: string; elementId: string; connector?: string }
  | { type: 'message'; name: string }
  | { type: 'timer'; timerId: string; elementId: string; dueAt: string };

/** Later than any timer a diagram can schedule: lists every scheduled timer. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';
const PAGE = 1000;

/**
 * Drives one instance (and the child instances of its call activities,
 * which live in the same store) through the runtime's public commands.
 */
export class InstanceDriver {
  constructor(
    private readonly runtime: Runtime,
    private readonly store: Store,
    private readonly clock: ShiftableClock,
    readonly instanceId: string,
  ) {}

  instance(): Promise<InstanceRecord> {
    return this.runtime.getInstance(this.instanceId);
  }

  /** Open tasks first, then pending jobs, then awaited messages, then scheduled timers, earliest first. */
  async actions(): Promise<Action[]> {
    const tasks = await this.store.listTasks({ status: 'open' });
    const jobs = await this.store.listPendingJobs(PAGE);
    const messages = await this.runtime.awaitedMessages(this.instanceId);
    const timers = await this.store.listDueTimers(END_OF_TIME, PAGE);
    return [
      ...tasks.map((task) => ({ type: 'task', task }) as const),
      ...jobs.map((job) => ({ type: 'job', job }) as const),
      ...messages.map((name) => ({ type: 'message', name }) as const),
      ...timers.map((timer) => ({ type: 'timer', timer }) as const),
    ];
  }

  /** Approves a task, completes a job with an empty result, delivers a message, or moves the clock to a timer and fires it. */
  async perform(action: Action): Promise<RunStep> {
    switch (action.type) {
      case 'task': {
        const { task } = action;
        await this.runtime.completeTask(task.id, { outcome: 'approve' });
        return {
          type: 'task', taskId: task.id, elementId: task.elementId,
          ...(task.name !== undefined ? { name: task.name } : {}),
          ...(task.department !== undefined ? { department: task.department } : {}),
        };
      }
      case 'job': {
        const { job } = action;
        await this.runtime.completeJob(job.id, {});
        return { type: 'job', jobId: job.id, elementId: job.elementId, ...(job.connector !== undefined ? { connector: job.connector } : {}) };
      }
      case 'message': {
        await this.runtime.correlateMessage(this.instanceId, action.name);
        return { type: 'message', name: action.name };
      }
      case 'timer': {
        const { timer } = action;
        this.clock.advanceTo(new Date(timer.dueAt));
        await this.runtime.fireTimer(timer.id);
        return { type: 'timer', timerId: timer.id, elementId: timer.elementId, dueAt: timer.dueAt };
      }
    }
  }
}
