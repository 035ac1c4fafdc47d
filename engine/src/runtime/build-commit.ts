import type { CompiledProcess } from '../compile/index.js';
import { evaluateFeel } from '../feel/index.js';
import type { InstanceCommit } from '../store/index.js';
import { timerDueAt } from '../time/timer-due.js';
import type { Command } from './commands.js';
import type { EffectSummary, Incident, InstanceRecord, JobRecord, TaskRecord, TimerRecord } from './records.js';
import { deadlinesFor, deadlineTimers, type DeadlinePolicy } from './deadlines.js';
import { persistSnapshot } from './snapshot.js';
import { RECTIFICATION } from './ratings/index.js';
import type { StepResult } from './step.js';
import type { WorkItem } from './work-items.js';

export interface CommitInput {
  readonly process: CompiledProcess;
  readonly previous: InstanceRecord | undefined;
  /** For a new instance. */
  readonly create?: Pick<InstanceRecord, 'id' | 'processId' | 'version' | 'businessKey' | 'parent'>;
  readonly result: StepResult;
  readonly command: Command;
  readonly at: Date;
  readonly actor?: string;
  /** With a policy, tasks and the instance get deadlines and deadline timers. */
  readonly policy?: DeadlinePolicy;
  /** The instance's scheduled timers before the command (deadline timers of closed tasks are cancelled). */
  readonly scheduledTimers?: readonly TimerRecord[];
}

/** Turns a step's result into the rows of one atomic write. */
export function buildCommit(input: CommitInput): InstanceCommit {
  const { process, previous, result, command, at } = input;
  const now = at.toISOString();
  const base = previous ?? { ...input.create!, status: 'active' as const, revision: 0, snapshot: '', incidents: [], createdAt: now, updatedAt: now };
  const vars = result.snapshot.context.vars;
  const effects: EffectSummary[] = [];
  const tasksOpened: TaskRecord[] = [];
  const timersScheduled: TimerRecord[] = [];
  const jobsEnqueued: JobRecord[] = [];
  // An incident lasts while the element it is about still waits.
  const incidents: Incident[] = base.incidents.filter((i) => result.items.has(i.id.replace(/\/failed$/, '')));
  for (const item of result.opened) {
    effects.push({ type: `${item.type}.opened`, id: item.id, elementId: item.elementId });
    switch (item.type) {
      case 'task': {
        const deadlines = input.policy ? deadlinesFor(item.node, at, input.policy) : {};
        tasksOpened.push({ ...taskRecord(process, base.id, item, now), ...deadlines });
        timersScheduled.push(...deadlineTimers({ instanceId: base.id, elementId: item.elementId, taskId: item.id, activation: item.activation }, deadlines, base.revision + 1));
        break;
      }
      case 'timer': {
        const due = timerDueAt(item.timer, at, input.policy?.calendar);
        if (due) timersScheduled.push({ id: item.id, instanceId: base.id, elementId: item.elementId, activation: item.activation, definition: item.timer, dueAt: due.toISOString(), status: 'scheduled' });
        else incidents.push({
          id: item.id, elementId: item.elementId, at: now,
          message: `定时器“${item.timer.value}”无法排定${input.policy ? '' : '：按工作时间计的时限需要工作日历'}`,
          messageEn: `Timer ${item.timer.value} cannot be scheduled${input.policy ? '' : ': working-time limits need a calendar'}`,
        });
        break;
      }
      case 'job': {
        const job = jobRecord(base.id, item, vars, now);
        jobsEnqueued.push(job);
        if (job.status === 'failed') incidents.push({ id: `${item.id}/failed`, elementId: item.elementId, message: `连接器任务的输入无法计算：${job.error ?? ''}`, messageEn: job.error ?? 'job input failed', at: now });
        break;
      }
      case 'incident':
        incidents.push({
          id: item.id, elementId: item.elementId, at: now,
          message: item.message !== undefined ? `会签人无法确定：${item.message}` : `${item.elementId} 无法继续：没有成立的条件，或表达式计算失败`,
          messageEn: item.message !== undefined ? `The signers cannot be determined: ${item.message}` : `No way on from ${item.elementId}: no condition holds or an expression failed`,
        });
        break;
      case 'call': break;
    }
  }
  const closedTasks: InstanceCommit['tasksClosed'][number][] = [];
  const closedTimers: InstanceCommit['timersClosed'][number][] = [];
  const closedJobs: InstanceCommit['jobsClosed'][number][] = [];
  for (const { item, reason } of result.closed) {
    effects.push({ type: `${item.type}.${reason === 'done' ? 'done' : 'cancelled'}`, id: item.id, elementId: item.elementId });
    if (item.type === 'task') {
      closedTasks.push(reason === 'done' && command.type === 'task.complete'
        ? { id: item.id, status: 'completed', at: now, outcome: command.outcome ?? 'approve', ...(input.actor ? { by: input.actor } : {}) }
        : { id: item.id, status: 'cancelled', at: now });
    } else if (item.type === 'timer') {
      closedTimers.push({ id: item.id, status: reason === 'done' ? 'fired' : 'cancelled', at: now });
    } else if (item.type === 'job') {
      closedJobs.push(reason === 'done' && command.type === 'job.fail'
        ? { id: item.id, status: 'failed', at: now, error: command.message }
        : { id: item.id, status: reason === 'done' ? 'done' : 'cancelled', at: now });
    }
  }
  // A failure no boundary event catches leaves the service task waiting: the
  // job is closed as failed and the instance gets an incident.
  if (command.type === 'job.fail' && result.items.has(command.jobId)) {
    closedJobs.push({ id: command.jobId, status: 'failed', at: now, error: command.message });
    incidents.push({ id: `${command.jobId}/failed`, elementId: result.items.get(command.jobId)!.elementId, message: `连接器任务失败：${command.message}`, messageEn: `The connector job failed: ${command.message}`, at: now });
    effects.push({ type: 'incident.opened', id: `${command.jobId}/failed`, elementId: result.items.get(command.jobId)!.elementId });
  }
  if (command.type === 'timer.fire' && result.items.has(command.timerId)) {
    // A non-interrupting timer fires and its activity goes on waiting.
    closedTimers.push({ id: command.timerId, status: 'fired', at: now });
  }
  // Deadline timers go with their task, and all of them with the instance.
  const closedTaskIds = new Set(closedTasks.map((t) => t.id));
  for (const t of input.scheduledTimers ?? []) {
    // A 差评整改 task lives beside the process: its deadlines outlast the instance's end.
    if (!t.deadline || t.elementId === RECTIFICATION) continue;
    if (result.status !== 'active' || (t.deadline.taskId !== undefined && closedTaskIds.has(t.deadline.taskId))) {
      closedTimers.push({ id: t.id, status: 'cancelled', at: now });
    }
  }
  const instanceDeadlines = !previous && input.policy ? deadlinesFor(process.model, at, input.policy) : {};
  if (!previous && result.status === 'active') {
    timersScheduled.push(...deadlineTimers({ instanceId: base.id, elementId: process.processId, activation: 0 }, instanceDeadlines, 1));
  }
  return {
    instance: {
      ...base,
      ...instanceDeadlines,
      status: result.status,
      revision: base.revision + 1,
      snapshot: persistSnapshot(process, result.snapshot),
      incidents: result.status === 'active' ? incidents : [],
      updatedAt: now,
      ...(result.status !== 'active' ? { endedAt: now } : {}),
    },
    expectedRevision: base.revision,
    tasksOpened, timersScheduled, jobsEnqueued,
    tasksClosed: closedTasks, timersClosed: closedTimers, jobsClosed: closedJobs,
    history: { instanceId: base.id, revision: base.revision + 1, at: now, command, effects, ...(input.actor ? { actor: input.actor } : {}) },
  };
}

function taskRecord(process: CompiledProcess, instanceId: string, item: WorkItem & { type: 'task' }, now: string): TaskRecord {
  const n = item.node;
  return {
    id: item.id, instanceId, processId: process.processId, elementId: item.elementId, activation: item.activation,
    status: 'open', createdAt: now,
    ...(n.name !== undefined ? { name: n.name } : {}),
    ...(n.department !== undefined ? { department: n.department } : {}),
    ...(n.itemCode !== undefined ? { itemCode: n.itemCode } : {}),
    ...(n.form !== undefined ? { form: n.form } : {}),
    ...(n.timeLimit !== undefined ? { timeLimit: n.timeLimit } : {}),
    ...(n.legalTimeLimit !== undefined ? { legalTimeLimit: n.legalTimeLimit } : {}),
    ...(item.index !== undefined ? { index: item.index, signer: item.signer } : {}),
  };
}

function jobRecord(instanceId: string, item: WorkItem & { type: 'job' }, vars: Readonly<Record<string, unknown>>, now: string): JobRecord {
  const n = item.node;
  const base: JobRecord = {
    id: item.id, instanceId, elementId: item.elementId, activation: item.activation, status: 'pending', createdAt: now,
    ...(n.connector !== undefined ? { connector: n.connector } : {}),
  };
  if (n.input === undefined) return base;
  // A job whose input cannot be computed is never handed to a worker: it is
  // written as failed, and the instance gets an incident.
  try {
    return { ...base, input: evaluateFeel(n.input, vars) };
  } catch (e) {
    return { ...base, status: 'failed', closedAt: now, error: `tb:input failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
