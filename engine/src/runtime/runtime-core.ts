import type { CompiledProcess } from '../compile/index.js';
import { loadDefinition } from '../definition/index.js';
import { InvalidProcessError, NotFoundError, RejectedCommandError } from '../errors.js';
import { buildCommit } from './build-commit.js';
import { isClockCommand, isMaterialCommand, isRecordCommand, type Actor, type Command } from './commands.js';
import { buildClockCommit } from './clock-commit.js';
import type { DeadlinePolicy } from './deadlines.js';
import type { InstanceRecord, ParentLink } from './records.js';
import type { RuntimeOptions, StartOptions } from './runtime-options.js';
import { restoreSnapshot } from './snapshot.js';
import { step, type StepResult } from './step.js';
import { workItems } from './work-items.js';
import { checkMaterialCommand, settleMaterials, startMaterials } from './supplements/index.js';
import { rejected } from './rejected.js';
import { settleEnding, settleRecord } from './actions/index.js';
import { buildRatingCommit } from './ratings/index.js';

/** How many recently written instances keep their live snapshot in memory. */
const LIVE_SNAPSHOTS = 1000;

/**
 * The machinery under every command: load the instance, restore its
 * snapshot (from the cache when this node wrote that revision), step,
 * fold the runtime's own records (materials, endings, assignments) into the
 * commit, write it atomically, and follow up on call activities. `Runtime`
 * adds the commands.
 */
export class RuntimeCore {
  protected readonly compiled = new Map<string, CompiledProcess>();
  protected readonly live = new Map<string, { revision: number; snapshot: StepResult['snapshot']; items: StepResult['items'] }>();

  protected readonly policy: DeadlinePolicy | undefined;

  constructor(protected readonly options: RuntimeOptions) {
    this.policy = options.calendar ? { calendar: options.calendar, warningAt: options.warningAt ?? 0.8 } : undefined;
  }

  async getInstance(instanceId: string): Promise<InstanceRecord> {
    const record = await this.options.store.getInstance(instanceId);
    if (!record) throw new NotFoundError('instance', instanceId);
    return record;
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

  protected async startInstance(id: string, processId: string, options: StartOptions & { parent?: ParentLink }): Promise<InstanceRecord> {
    const process = await this.processFor(processId, options.version);
    const at = this.options.clock.now();
    const started = startMaterials(id, options, at);
    const command: Command = {
      type: 'start', variables: options.variables ?? {}, ...(options.businessKey !== undefined ? { businessKey: options.businessKey } : {}),
      ...(started.materials.length > 0 ? { missingMaterials: started.materials.map((m) => ({ material: m.material, dueAt: m.dueAt })) } : {}),
      ...(started.commitments.length > 0 ? { commitments: started.commitments } : {}),
    };
    const result = step(process, id, undefined, command);
    const actor = options.actor ? { actor: options.actor.userId } : {};
    const commit = settleMaterials(buildCommit({
      process, previous: undefined, result, command, at, ...(this.policy ? { policy: this.policy } : {}),
      create: { id, processId, version: process.version, ...(options.businessKey !== undefined ? { businessKey: options.businessKey } : {}), ...(options.parent ? { parent: options.parent } : {}) },
      ...actor,
    }), { previous: undefined, command, at, started, scheduledTimers: [], ...actor });
    await this.options.store.commit(commit);
    this.remember(commit.instance, result);
    await this.followUp(commit.instance, result);
    return this.getInstance(id);
  }

  /** `check` runs on the loaded state before the step; it throws to reject the command. */
  protected async execute(
    instanceId: string, command: Command, actor?: Actor,
    check?: (previous: InstanceRecord, items: StepResult['items']) => Promise<void>,
  ): Promise<InstanceRecord> {
    const previous = await this.getInstance(instanceId);
    const process = await this.processFor(previous.processId, previous.version);
    const at = this.options.clock.now();
    const actorId = actor ? { actor: actor.userId } : {};
    if (previous.awaitingSupplement && !isMaterialCommand(command) && command.type !== 'deadline.reach') {
      throw rejected('instance/awaiting-supplement', `申请 ${instanceId} 已办理完毕，只等补正容缺材料`, `Instance ${instanceId} has been handled and only awaits its missing materials`, { instanceId });
    }
    if (isClockCommand(command)) {
      // A deadline of a 差评整改 task may still turn its light after the instance has ended.
      if (previous.status !== 'active' && command.type !== 'deadline.reach') throw new RejectedCommandError('instance/ended', `Expected instance ${instanceId} to be active, but it has ended`, { instanceId });
      const commit = buildClockCommit({
        process, previous, command, at, ...actorId, ...(this.policy ? { policy: this.policy } : {}),
        scheduledTimers: await this.options.store.listTimers({ instanceId, status: 'scheduled' }),
        openTasks: await this.options.store.listTasks({ instanceId, status: 'open' }),
      });
      await this.options.store.commit(commit);
      this.live.delete(instanceId);
      return commit.instance;
    }
    const scheduledTimers = this.policy || previous.materials?.length ? await this.options.store.listTimers({ instanceId, status: 'scheduled' }) : [];
    if (isMaterialCommand(command)) checkMaterialCommand(previous, command, scheduledTimers);
    const before = this.restore(process, previous);
    if (check) {
      if (previous.status !== 'active') throw new RejectedCommandError('instance/ended', `Expected instance ${instanceId} to be active, but it has ended`, { instanceId });
      await check(previous, before.items);
    }
    const result = step(process, instanceId, before, command);
    let commit = settleMaterials(
      settleEnding(buildCommit({ process, previous, result, command, at, ...actorId, scheduledTimers, ...(this.policy ? { policy: this.policy } : {}) }), command),
      { previous, command, at, scheduledTimers, ...actorId },
    );
    if (isRecordCommand(command)) {
      const task = 'taskId' in command && command.taskId !== undefined && command.type !== 'instance.copy' ? await this.options.store.getTask(command.taskId) : undefined;
      commit = settleRecord(commit, command, { task, instance: previous, actor: actor?.userId, at });
    }
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
  protected restore(process: CompiledProcess, record: InstanceRecord): { snapshot: StepResult['snapshot']; items: StepResult['items'] } {
    const cached = this.live.get(record.id);
    if (cached && cached.revision === record.revision) return cached;
    const snapshot = restoreSnapshot(process, record.snapshot);
    return { snapshot, items: workItems(process, record.id, snapshot) };
  }

  protected remember(instance: InstanceRecord, result: StepResult): void {
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
  protected async followUp(instance: InstanceRecord, result: StepResult): Promise<void> {
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
      if (child?.status === 'active') await this.execute(item.id, { type: 'terminate', reason: 'parent left the call activity' });
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
  protected async executeRating(instanceId: string, command: Command & { type: 'rating.give' | 'rectification.complete' }, taskId: string | undefined, actor?: Actor): Promise<InstanceRecord> {
    const previous = await this.getInstance(instanceId);
    const task = taskId === undefined ? undefined : await this.options.store.getTask(taskId);
    if (task && task.instanceId !== instanceId) throw new NotFoundError('task', taskId!);
    const commit = buildRatingCommit({
      previous, command, at: this.options.clock.now(), ...(actor ? { actor: actor.userId } : {}), ...(task ? { task } : {}),
      ...(this.policy ? { policy: this.policy } : {}), rectificationLimit: this.options.rectificationLimit ?? '5wd',
    });
    await this.options.store.commit(commit);
    this.live.delete(instanceId);
    return commit.instance;
  }

  protected async onTask(taskId: string, command: Command, actor?: Actor): Promise<InstanceRecord> {
    const task = await this.options.store.getTask(taskId);
    if (!task) throw new NotFoundError('task', taskId);
    return this.execute(task.instanceId, command, actor);
  }
}
