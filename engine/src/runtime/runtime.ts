import type { CompiledProcess, Vote } from '../compile/index.js';
import { loadDefinition, type LoadOptions } from '../definition/index.js';
import { InvalidProcessError, NotFoundError, RejectedCommandError } from '../errors.js';
import type { Store } from '../store/index.js';
import { buildCommit } from './build-commit.js';
import { isClockCommand, type Actor, type Command } from './commands.js';
import { buildClockCommit } from './clock-commit.js';
import type { DeadlinePolicy } from './deadlines.js';
import type { WorkingCalendar } from '../time/working-calendar.js';
import type { Clock, IdSource } from './ports.js';
import type { DefinitionRecord, InstanceRecord, ParentLink } from './records.js';
import { replay } from './replay.js';
import { restoreSnapshot } from './snapshot.js';
import { step, type StepResult } from './step.js';
import { awaitedMessages, workItems } from './work-items.js';

/** How many recently written instances keep their live snapshot in memory. */
const LIVE_SNAPSHOTS = 1000;

export interface RuntimeOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Used when deploying: which forms and connectors exist. */
  readonly load?: LoadOptions;
  /** With a calendar, tasks and instances get deadlines, deadline timers and clock stops. */
  readonly calendar?: WorkingCalendar;
  /** Share of the promised working time after which the light turns yellow; default 0.8. */
  readonly warningAt?: number;
}

export interface StartOptions {
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly businessKey?: string;
  /** A deployed version; the latest when omitted. */
  readonly version?: number;
  readonly actor?: Actor;
}

/**
 * Runs instances over a Store: load → restore → step → one atomic commit.
 * Every public method is one command of one instance (call activities add
 * the child's or parent's own commits after it). A lost race surfaces as
 * `ConflictError` with nothing written; callers decide whether to retry.
 */
export class Runtime {
  private readonly compiled = new Map<string, CompiledProcess>();
  private readonly live = new Map<string, { revision: number; snapshot: StepResult['snapshot']; items: StepResult['items'] }>();

  private readonly policy: DeadlinePolicy | undefined;

  constructor(private readonly options: RuntimeOptions) {
    this.policy = options.calendar ? { calendar: options.calendar, warningAt: options.warningAt ?? 0.8 } : undefined;
  }

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
    return this.execute(task.instanceId, {
      type: 'task.complete', taskId,
      ...(input.variables ? { variables: input.variables } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
    }, input.actor);
  }

  async fireTimer(timerId: string): Promise<InstanceRecord> {
    const timer = await this.options.store.getTimer(timerId);
    if (!timer) throw new NotFoundError('timer', timerId);
    return this.execute(timer.instanceId, timer.deadline ? { type: 'deadline.reach', timerId } : { type: 'timer.fire', timerId });
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

  async getInstance(instanceId: string): Promise<InstanceRecord> {
    const record = await this.options.store.getInstance(instanceId);
    if (!record) throw new NotFoundError('instance', instanceId);
    return record;
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

  async processFor(processId: string, version?: number): Promise<CompiledProcess & { version: number }> {
    // A deployed version never changes, so a pinned one is served from the cache.
    const cached = version === undefined ? undefined : this.compiled.get(`${processId}@${version}`);
    if (cached && version !== undefined) return { ...cached, version };
    const record = await this.options.store.getDefinition(processId, version);
    if (!record) throw new NotFoundError('definition', version === undefined ? processId : `${processId}@${version}`);
    const key = `${record.processId}@${record.version}`;
    let process = this.compiled.get(key);
    if (!process) {
      const loaded = await loadDefinition(record.xml, this.options.load);
      process = loaded.processes.find((p) => p.processId === processId);
      if (!process) throw new InvalidProcessError(loaded.problems);
      this.compiled.set(key, process);
    }
    return { ...process, version: record.version };
  }

  private async startInstance(id: string, processId: string, options: StartOptions & { parent?: ParentLink }): Promise<InstanceRecord> {
    const process = await this.processFor(processId, options.version);
    const command: Command = { type: 'start', variables: options.variables ?? {}, ...(options.businessKey !== undefined ? { businessKey: options.businessKey } : {}) };
    const result = step(process, id, undefined, command);
    const commit = buildCommit({
      process, previous: undefined, result, command, at: this.options.clock.now(), ...(this.policy ? { policy: this.policy } : {}),
      create: { id, processId, version: process.version, ...(options.businessKey !== undefined ? { businessKey: options.businessKey } : {}), ...(options.parent ? { parent: options.parent } : {}) },
      ...(options.actor ? { actor: options.actor.userId } : {}),
    });
    await this.options.store.commit(commit);
    this.remember(commit.instance, result);
    await this.followUp(commit.instance, result);
    return this.getInstance(id);
  }

  private async execute(instanceId: string, command: Command, actor?: Actor): Promise<InstanceRecord> {
    const previous = await this.getInstance(instanceId);
    const process = await this.processFor(previous.processId, previous.version);
    const at = this.options.clock.now();
    const actorId = actor ? { actor: actor.userId } : {};
    if (isClockCommand(command)) {
      if (previous.status !== 'active') throw new RejectedCommandError('instance/ended', `Expected instance ${instanceId} to be active, but it has ended`, { instanceId });
      const commit = buildClockCommit({
        process, previous, command, at, ...actorId, ...(this.policy ? { policy: this.policy } : {}),
        scheduledTimers: await this.options.store.listTimers({ instanceId, status: 'scheduled' }),
        openTasks: await this.options.store.listTasks({ instanceId, status: 'open' }),
      });
      await this.options.store.commit(commit);
      this.live.delete(instanceId);
      return commit.instance;
    }
    const result = step(process, instanceId, this.restore(process, previous), command);
    const deadlines = this.policy
      ? { policy: this.policy, scheduledTimers: await this.options.store.listTimers({ instanceId, status: 'scheduled' }) }
      : {};
    const commit = buildCommit({ process, previous, result, command, at, ...actorId, ...deadlines });
    await this.options.store.commit(commit);
    this.remember(commit.instance, result);
    await this.followUp(commit.instance, result);
    return commit.instance;
  }

  /**
   * The live snapshot of a stored revision: from the cache when this node
   * wrote that revision itself, else parsed from the stored JSON. The
   * revision in the store decides; a cached entry of another revision is
   * never used.
   */
  private restore(process: CompiledProcess, record: InstanceRecord): { snapshot: StepResult['snapshot']; items: StepResult['items'] } {
    const cached = this.live.get(record.id);
    if (cached && cached.revision === record.revision) return cached;
    const snapshot = restoreSnapshot(process, record.snapshot);
    return { snapshot, items: workItems(process, record.id, snapshot) };
  }

  private remember(instance: InstanceRecord, result: StepResult): void {
    this.live.delete(instance.id);
    if (instance.status !== 'active') return;
    this.live.set(instance.id, { revision: instance.revision, snapshot: result.snapshot, items: result.items });
    // Map keeps insertion order: the first key is the least recently written.
    if (this.live.size > LIVE_SNAPSHOTS) this.live.delete(this.live.keys().next().value!);
  }

  /**
   * Call activities: start the child of every call opened, stop the child of
   * every call cancelled, and tell the parent when a child ends. Child ids
   * derive from the call, so a repeated follow-up finds the child already there.
   */
  private async followUp(instance: InstanceRecord, result: StepResult): Promise<void> {
    for (const item of result.opened) {
      if (item.type !== 'call') continue;
      if (await this.options.store.getInstance(item.id)) continue;
      await this.startInstance(item.id, item.node.calledElement, {
        variables: result.snapshot.context.vars,
        ...(item.node.version !== 'latest' ? { version: item.node.version } : {}),
        parent: { instanceId: instance.id, callId: item.id },
      });
    }
    for (const { item, reason } of result.closed) {
      if (item.type !== 'call' || reason !== 'cancelled') continue;
      const child = await this.options.store.getInstance(item.id);
      if (child?.status === 'active') await this.terminate(item.id, 'parent left the call activity');
    }
    if (instance.parent && result.status !== 'active' && result.status !== 'terminated') {
      const { instanceId, callId } = instance.parent;
      const command: Command = result.status === 'completed'
        ? { type: 'call.complete', callId, variables: result.snapshot.context.vars }
        : { type: 'call.fail', callId, ...(result.snapshot.context.error?.code !== undefined ? { errorCode: result.snapshot.context.error.code } : {}) };
      try {
        await this.execute(instanceId, command);
      } catch (e) {
        if (!(e instanceof RejectedCommandError)) throw e;
      }
    }
  }
}
