import type Database from 'better-sqlite3';
import type {
  DefinitionRecord, HistoryRecord, InstanceCommit, InstanceRecord, JobRecord, Store, TaskQuery, TaskRecord, TimerRecord,
} from '@tongban/engine';
import { applyCommit, type CommitTables } from './apply-commit.js';
import { openDatabase } from './connection.js';
import { GroupCommit } from './group-commit.js';
import { applyMigrations } from './migrations.js';
import { definitionsTable, historyTable, instancesTable, jobsTable, tasksTable, timersTable, type DeployInput } from './tables/index.js';

/**
 * The engine's Store over one SQLite file (better-sqlite3). Several
 * connections, in one process or several, may share the file: every write
 * is an immediate transaction, and `commit` checks the revision under the
 * write lock, so a lost race is a `ConflictError` and writes nothing.
 */
export interface SqliteStoreOptions {
  /**
   * SQLite's `synchronous` level. `FULL` (the default) syncs the WAL at every
   * commit, so an acknowledged write survives a power loss; `NORMAL` may lose
   * the last commits on power loss (never on a process crash). ADR 0004.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /**
   * Runs inside every commit's transaction, after the engine's rows are
   * written: the server appends the audit record here, so an instance change
   * and its audit row are one atomic write.
   */
  readonly onCommit?: (commit: InstanceCommit) => void;
  /** Runs inside the transaction that stores a new definition version. */
  readonly onDeploy?: (record: DefinitionRecord) => void;
  /**
   * Commits arriving in the same turn of the event loop share one
   * transaction and one sync (default true; see `GroupCommit`). false: one
   * transaction per commit.
   */
  readonly groupCommit?: boolean;
}

export class SqliteStore implements Store {
  private readonly definitions: ReturnType<typeof definitionsTable>;
  private readonly tables: CommitTables;
  private readonly commitTransaction: Database.Transaction<(c: InstanceCommit) => void>;
  private readonly grouped: GroupCommit | undefined;

  constructor(private readonly db: Database.Database, options: SqliteStoreOptions = {}) {
    this.definitions = definitionsTable(db, options.onDeploy);
    this.tables = {
      instances: instancesTable(db), tasks: tasksTable(db), timers: timersTable(db), jobs: jobsTable(db), history: historyTable(db),
    };
    const { onCommit } = options;
    this.commitTransaction = db.transaction((c: InstanceCommit) => {
      applyCommit(this.tables, c);
      onCommit?.(c);
    });
    this.grouped = options.groupCommit === false ? undefined : new GroupCommit(db, this.commitTransaction);
  }

  async deployDefinition(input: DeployInput): Promise<DefinitionRecord> {
    return this.definitions.deploy(input);
  }

  /** Deploys a new version unless the latest one has the same XML; the server's start uses it. Not part of the port. */
  deployIfChanged(input: DeployInput): DefinitionRecord | undefined {
    return this.definitions.deployIfChanged(input);
  }

  async getDefinition(processId: string, version?: number): Promise<DefinitionRecord | undefined> {
    return this.definitions.get(processId, version);
  }

  async commit(c: InstanceCommit): Promise<void> {
    if (this.grouped) return this.grouped.submit(c);
    this.commitTransaction.immediate(c);
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    return this.tables.instances.get(id);
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    return this.tables.tasks.get(id);
  }

  async listTasks(query: TaskQuery): Promise<TaskRecord[]> {
    return this.tables.tasks.list(query);
  }

  async getTimer(id: string): Promise<TimerRecord | undefined> {
    return this.tables.timers.get(id);
  }

  async listTimers(query: { readonly instanceId: string; readonly status?: TimerRecord['status'] }): Promise<TimerRecord[]> {
    return this.tables.timers.list(query.instanceId, query.status);
  }

  async listDueTimers(now: string, limit: number): Promise<TimerRecord[]> {
    return this.tables.timers.due(now, limit);
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    return this.tables.jobs.get(id);
  }

  async listPendingJobs(limit: number): Promise<JobRecord[]> {
    return this.tables.jobs.pending(limit);
  }

  async listHistory(instanceId: string): Promise<HistoryRecord[]> {
    return this.tables.history.list(instanceId);
  }

  /** The connection, for the server's own tables (accounts, audit, leases). Not part of the port. */
  get database(): Database.Database {
    return this.db;
  }

  /** Closes the connection; the store cannot be used afterwards. Not part of the port. */
  close(): void {
    this.grouped?.flush();
    this.db.close();
  }
}

/**
 * Opens (creating if needed) the store in one SQLite file, or a private
 * in-memory database for `':memory:'`, and brings its schema up to date.
 */
export function openSqliteStore(path: string | ':memory:', options: SqliteStoreOptions = {}): SqliteStore {
  const db = openDatabase(path);
  try {
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    applyMigrations(db);
    return new SqliteStore(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}
