import type { Vote } from '../compile/index.js';
import { loadDefinition } from '../definition/index.js';
import { InvalidProcessError, NotFoundError } from '../errors.js';
import { SYSTEM_ACTOR, type Actor, type Command, type CopyTarget } from './commands.js';
import type { DefinitionRecord, InstanceRecord } from './records.js';
import { replay } from './replay.js';
import { RuntimeCore } from './runtime-core.js';
import type { StartOptions } from './runtime-options.js';
import { awaitedMessages } from './work-items.js';
import { rejected } from './rejected.js';
import { checkTakeBack, checkWithdraw } from './actions/index.js';

export type { RuntimeOptions, StartOptions } from './runtime-options.js';


/**
 * Runs instances over a Store: load → restore → step → one atomic commit.
 * Every public method is one command of one instance (call activities add
 * the child's or parent's own commits after it). A lost race surfaces as
 * `ConflictError` with nothing written; callers decide whether to retry.
 */
export class Runtime extends RuntimeCore {
  /** Parses, lints and compiles the XML; stores a new version of each executable process. */
  async deploy(xml: string): Promise<DefinitionRecord[]> {
    const loaded = await loadDefinition(xml, this.options.load);
    if (!loaded.ok) throw new InvalidProcessError(loaded.problems);
    const deployed: DefinitionRecord[] = [];
    for (const process of loaded.processes) {
      const record = await this.options.store.deployDefinition({
        processId: process.processId, xml, deployedAt: this.options.clock.now().toISOString(),
        ...(process.model.name !== undefined ? { name: process.model.name } : {}),
      });
      this.compiled.set(`${record.processId}@${record.version}`, process);
      deployed.push(record);
    }
    return deployed;
  }

  async start(processId: string, options: StartOptions = {}): Promise<InstanceRecord> {
    return this.startInstance(this.options.ids.next(), processId, options);
  }

  async completeTask(taskId: string, input: { variables?: Record<string, unknown>; outcome?: Vote; actor?: Actor } = {}): Promise<InstanceRecord> {
    const task = await this.options.store.getTask(taskId);
    if (!task) throw new NotFoundError('task', taskId);
    // A 差评整改 task is no step of the process: completing it closes it, nothing moves.
    if (task.kind === 'rectification') return this.completeRectification(taskId, input.actor ? { actor: input.actor } : {});
    // 委派: the owner completes only after the delegate has resolved the task.
    if (task.status === 'open' && task.delegation?.state === 'pending') {
      throw rejected('task/delegated', '任务已委派，待被委派人处理后才能办结', 'The task is delegated; it can be completed once the delegate has resolved it', { id: taskId });
    }
    return this.execute(task.instanceId, {
      type: 'task.complete', taskId,
      ...(input.variables ? { variables: input.variables } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
    }, input.actor);
  }

  async fireTimer(timerId: string): Promise<InstanceRecord> {
    const timer = await this.options.store.getTimer(timerId);
    if (!timer) throw new NotFoundError('timer', timerId);
    // A supplement deadline is the runtime's own act: the audit names the system.
    if (timer.supplement) return this.execute(timer.instanceId, { type: 'material.overdue', timerId }, { userId: SYSTEM_ACTOR });
    return this.execute(timer.instanceId, timer.deadline ? { type: 'deadline.reach', timerId } : { type: 'timer.fire', timerId });
  }

  /**
   * Records a missing material (容缺) as supplied: its supplement deadline is
   * cancelled, and an instance that awaits only this material completes.
   */
  async supplyMaterial(instanceId: string, material: string, actor?: Actor): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'material.supply', material }, actor);
  }

  /**
   * Stops the clock: for a 补正 (the whole application waits for the
   * applicant) or an excluded procedure on a task (听证, 检验, 检测, 检疫,
   * 鉴定, 专家评审 …, 行政许可法 art. 45). Returns the instance; its new pause
   * is the last of `pauses`.
   */
  async stopClock(instanceId: string, stop: { kind: 'correction' | 'excludedProcedure'; taskId?: string; procedure?: string; reason?: string }, actor?: Actor): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'clock.stop', ...stop }, actor);
  }

  /** Restarts a stopped clock; the affected deadlines move by the paused working time. */
  async resumeClock(instanceId: string, pauseId: string, actor?: Actor): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'clock.resume', pauseId }, actor);
  }

  /** Fires every timer due now; returns how many fired. */
  async fireDueTimers(limit = 100): Promise<number> {
    const due = await this.options.store.listDueTimers(this.options.clock.now().toISOString(), limit);
    for (const timer of due) await this.fireTimer(timer.id);
    return due.length;
  }

  async completeJob(jobId: string, result?: unknown): Promise<InstanceRecord> {
    const job = await this.options.store.getJob(jobId);
    if (!job) throw new NotFoundError('job', jobId);
    return this.execute(job.instanceId, { type: 'job.complete', jobId, result });
  }

  async failJob(jobId: string, failure: { message: string; errorCode?: string }): Promise<InstanceRecord> {
    const job = await this.options.store.getJob(jobId);
    if (!job) throw new NotFoundError('job', jobId);
    return this.execute(job.instanceId, { type: 'job.fail', jobId, message: failure.message, ...(failure.errorCode !== undefined ? { errorCode: failure.errorCode } : {}) });
  }

  async correlateMessage(instanceId: string, name: string, variables?: Record<string, unknown>, actor?: Actor): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'message', name, ...(variables ? { variables } : {}) }, actor);
  }

  async updateVariables(instanceId: string, variables: Record<string, unknown>, actor?: Actor): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'variables.update', variables }, actor);
  }

  async terminate(instanceId: string, reason?: string, actor?: Actor): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'terminate', ...(reason !== undefined ? { reason } : {}) }, actor);
  }

  /**
   * 退回: returns the open task to an earlier task of its branch (or before
   * the blocks around it). What the token did after the earlier task is
   * cancelled, that task opens anew; branches beside the returning one keep
   * their open and finished work.
   */
  async returnTask(taskId: string, to: string, input: { reason?: string; actor?: Actor } = {}): Promise<InstanceRecord> {
    const task = await this.options.store.getTask(taskId);
    if (!task) throw new NotFoundError('task', taskId);
    return this.execute(task.instanceId, { type: 'task.return', taskId, to, ...(input.reason !== undefined ? { reason: input.reason } : {}) }, input.actor);
  }

  /** 拿回: the clerk who completed the task reopens it while the next step has not acted. */
  async takeBack(taskId: string, actor?: Actor): Promise<InstanceRecord> {
    const task = await this.options.store.getTask(taskId);
    if (!task) throw new NotFoundError('task', taskId);
    return this.execute(task.instanceId, { type: 'task.takeBack', taskId, elementId: task.elementId }, actor, async (_previous, items) => {
      const current = await this.options.store.getTask(taskId);
      checkTakeBack(current ?? task, actor?.userId, await this.options.store.listHistory(task.instanceId), items);
    });
  }

  /**
   * 撤回: ends the application as terminated before any department has
   * acted; the tasks of `receivingDepartments` (the front desk) do not count.
   */
  async withdraw(instanceId: string, input: { reason?: string; actor?: Actor; receivingDepartments?: readonly string[] } = {}): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'instance.withdraw', ...(input.reason !== undefined ? { reason: input.reason } : {}) }, input.actor, async () => {
      checkWithdraw(await this.options.store.listTasks({ instanceId }), input.receivingDepartments ?? []);
    });
  }

  /** 加签: more signers on the countersign of this open slot; the completion rule is decided again. */
  async addSigners(taskId: string, input: { signers: readonly unknown[]; position?: 'before' | 'after' | 'parallel'; actor?: Actor }): Promise<InstanceRecord> {
    return this.onTask(taskId, { type: 'task.addSigners', taskId, signers: input.signers, ...(input.position ? { position: input.position } : {}) }, input.actor);
  }

  /** 减签: takes the unvoted slot `index` out of the countersign of this open slot; the rule is decided over the rest. */
  async removeSigner(taskId: string, index: number, actor?: Actor): Promise<InstanceRecord> {
    return this.onTask(taskId, { type: 'task.removeSigner', taskId, index }, actor);
  }

  /** 转办: hands the open task to another clerk of its department. */
  async transferTask(taskId: string, input: { to: string; toDepartment: string; reason?: string; actor?: Actor }): Promise<InstanceRecord> {
    return this.onTask(taskId, { type: 'task.transfer', taskId, to: input.to, toDepartment: input.toDepartment, ...(input.reason !== undefined ? { reason: input.reason } : {}) }, input.actor);
  }

  /** 委派: the delegate works on the task and resolves it; the owner then completes it. */
  async delegateTask(taskId: string, input: { to: string; reason?: string; actor?: Actor }): Promise<InstanceRecord> {
    return this.onTask(taskId, { type: 'task.delegate', taskId, to: input.to, ...(input.reason !== undefined ? { reason: input.reason } : {}) }, input.actor);
  }

  /** The delegate gives the task back to its owner. */
  async resolveTask(taskId: string, actor?: Actor): Promise<InstanceRecord> {
    return this.onTask(taskId, { type: 'task.resolve', taskId }, actor);
  }

  /** 催办: counted on the task and in the history. */
  async urgeTask(taskId: string, input: { reason?: string; actor?: Actor } = {}): Promise<InstanceRecord> {
    return this.onTask(taskId, { type: 'task.urge', taskId, ...(input.reason !== undefined ? { reason: input.reason } : {}) }, input.actor);
  }

  /**
   * 好差评: the applicant rates the instance or one department's completed
   * task, 1–5 with reasons; a poor rating (1 or 2) opens a 差评整改 task for
   * that department (`department` names it for an instance rating). Also
   * after the instance has ended.
   */
  async rate(instanceId: string, input: { score: number; reasons?: readonly string[]; taskId?: string; department?: string; actor?: Actor }): Promise<InstanceRecord> {
    const command: Command = {
      type: 'rating.give', score: input.score, reasons: input.reasons ?? [],
      ...(input.taskId !== undefined ? { taskId: input.taskId } : {}), ...(input.department !== undefined ? { department: input.department } : {}),
    };
    return this.executeRating(instanceId, command, input.taskId, input.actor);
  }

  /** Closes a 差评整改 task. */
  async completeRectification(taskId: string, input: { note?: string; actor?: Actor } = {}): Promise<InstanceRecord> {
    const task = await this.options.store.getTask(taskId);
    if (!task) throw new NotFoundError('task', taskId);
    return this.executeRating(task.instanceId, { type: 'rectification.complete', taskId, ...(input.note !== undefined ? { note: input.note } : {}) }, taskId, input.actor);
  }

  /** 抄送: a person or department may read the application from now on. */
  async copyTo(instanceId: string, input: { to: CopyTarget; taskId?: string; actor?: Actor }): Promise<InstanceRecord> {
    return this.execute(instanceId, { type: 'instance.copy', to: input.to, ...(input.taskId !== undefined ? { taskId: input.taskId } : {}) }, input.actor);
  }

  /** The instance's variables as of its latest write. */
  async getVariables(instanceId: string): Promise<Record<string, unknown>> {
    const record = await this.getInstance(instanceId);
    return { ...(JSON.parse(record.snapshot) as { context: { vars: Record<string, unknown> } }).context.vars };
  }

  /** The message names the instance waits for now (a resubmission after 补正, say). */
  async awaitedMessages(instanceId: string): Promise<string[]> {
    const record = await this.getInstance(instanceId);
    if (record.status !== 'active') return [];
    const process = await this.processFor(record.processId, record.version);
    return awaitedMessages(process, this.restore(process, record).snapshot);
  }

  /** Replays the instance's history and says whether it reproduces the stored snapshot. */
  async verifyReplay(instanceId: string): Promise<{ matches: boolean; stored: string; replayed: string }> {
    const record = await this.getInstance(instanceId);
    const process = await this.processFor(record.processId, record.version);
    const replayed = replay(process, instanceId, await this.options.store.listHistory(instanceId));
    return { matches: replayed === record.snapshot, stored: record.snapshot, replayed };
  }
}
