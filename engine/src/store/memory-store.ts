import { ConflictError } from '../errors.js';
import type { DefinitionRecord, HistoryRecord, InstanceRecord, JobRecord, TaskRecord, TimerRecord } from '../runtime/records.js';
import type { InstanceCommit, Store, TaskQuery } from './store.js';

/**
 * The in-memory adapter: for tests, the CLI and benchmarks. Records are
 * frozen copies, so a caller can never change stored state behind the
 * store's back.
 */
export class MemoryStore implements Store {
  private readonly definitions = new Map<string, DefinitionRecord[]>();
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly tasksByInstance = new Map<string, Set<string>>();
  private readonly timers = new Map<string, TimerRecord>();
  private readonly timersByInstance = new Map<string, Set<string>>();
  private readonly jobs = new Map<string, JobRecord>();
  private readonly history = new Map<string, HistoryRecord[]>();

  async deployDefinition(input: { processId: string; name?: string; xml: string; deployedAt: string }): Promise<DefinitionRecord> {
    const versions = this.definitions.get(input.processId) ?? [];
    const record = Object.freeze({ ...input, version: versions.length + 1 });
    this.definitions.set(input.processId, [...versions, record]);
    return record;
  }

  async getDefinition(processId: string, version?: number): Promise<DefinitionRecord | undefined> {
    const versions = this.definitions.get(processId);
    if (!versions) return undefined;
    return version === undefined ? versions[versions.length - 1] : versions[version - 1];
  }

  async commit(c: InstanceCommit): Promise<void> {
    const current = this.instances.get(c.instance.id);
    const actual = current?.revision ?? 0;
    if (actual !== c.expectedRevision || c.instance.revision !== c.expectedRevision + 1) {
      throw new ConflictError(c.instance.id, c.expectedRevision, current?.revision);
    }
    // Everything is checked above; from here on nothing can fail half-way.
    this.instances.set(c.instance.id, Object.freeze({ ...c.instance }));
    let own = this.tasksByInstance.get(c.instance.id);
    if (!own) this.tasksByInstance.set(c.instance.id, (own = new Set()));
    for (const t of c.tasksOpened) {
      this.tasks.set(t.id, Object.freeze({ ...t }));
      own.add(t.id);
    }
    for (const t of c.tasksUpdated ?? []) {
      const task = this.tasks.get(t.id);
      if (task?.status === 'open') this.tasks.set(t.id, Object.freeze({ ...task, ...t }));
    }
    for (const t of c.tasksClosed) {
      const task = this.tasks.get(t.id);
      if (task) this.tasks.set(t.id, Object.freeze({ ...task, status: t.status, closedAt: t.at, ...(t.outcome ? { outcome: t.outcome } : {}), ...(t.by ? { completedBy: t.by } : {}) }));
    }
    for (const t of c.timersScheduled) {
      this.timers.set(t.id, Object.freeze({ ...t }));
      let ids = this.timersByInstance.get(t.instanceId);
      if (!ids) this.timersByInstance.set(t.instanceId, (ids = new Set()));
      ids.add(t.id);
    }
    for (const t of c.timersClosed) {
      const timer = this.timers.get(t.id);
      if (timer?.status === 'scheduled') this.timers.set(t.id, Object.freeze({ ...timer, status: t.status, closedAt: t.at }));
    }
    for (const j of c.jobsEnqueued) this.jobs.set(j.id, Object.freeze({ ...j }));
    for (const j of c.jobsClosed) {
      const job = this.jobs.get(j.id);
      if (job) this.jobs.set(j.id, Object.freeze({ ...job, status: j.status, closedAt: j.at, ...(j.error ? { error: j.error } : {}) }));
    }
    const list = this.history.get(c.instance.id);
    if (list) list.push(Object.freeze(c.history));
    else this.history.set(c.instance.id, [Object.freeze(c.history)]);
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    return this.instances.get(id);
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    return this.tasks.get(id);
  }

  async listTasks(query: TaskQuery): Promise<TaskRecord[]> {
    const source = query.instanceId !== undefined
      ? [...(this.tasksByInstance.get(query.instanceId) ?? [])].map((id) => this.tasks.get(id)!)
      : [...this.tasks.values()];
    const out: TaskRecord[] = [];
    for (const t of source) {
      if (query.status !== undefined && t.status !== query.status) continue;
      if (query.department !== undefined && t.department !== query.department) continue;
      out.push(t);
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  async getTimer(id: string): Promise<TimerRecord | undefined> {
    return this.timers.get(id);
  }

  async listTimers(query: { instanceId: string; status?: TimerRecord['status'] }): Promise<TimerRecord[]> {
    return [...(this.timersByInstance.get(query.instanceId) ?? [])].map((id) => this.timers.get(id)!)
      .filter((t) => query.status === undefined || t.status === query.status);
  }

  async listDueTimers(now: string, limit: number): Promise<TimerRecord[]> {
    return [...this.timers.values()]
      .filter((t) => t.status === 'scheduled' && t.dueAt <= now)
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    return this.jobs.get(id);
  }

  async listPendingJobs(limit: number): Promise<JobRecord[]> {
    return [...this.jobs.values()].filter((j) => j.status === 'pending').slice(0, limit);
  }

  async listHistory(instanceId: string): Promise<HistoryRecord[]> {
    return [...(this.history.get(instanceId) ?? [])];
  }
}
