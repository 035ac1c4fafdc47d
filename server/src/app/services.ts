import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { createWorkingCalendar, Runtime, type Clock, type IdSource, type InstanceCommit, type WorkingCalendar } from '@tongban/engine';
import { sessionsTable, signIn, usersTable, type SessionsTable, type SignIn, type UsersTable } from '../accounts/index.js';
import { auditTrail, loadAuditKey, type AuditEntry, type AuditTrail } from '../audit/index.js';
import type { ServerConfig } from '../config/index.js';
import { loadKeyFile } from '../config/key-file.js';
import {
  ConnectorRegistry, connectorTables, prefillReceipts, prefillService, provenanceTable, secretBox,
  type PrefillFor, type PrefillReceipts, type ProvenanceTable,
} from '../connectors/index.js';
import { departmentsTable, type DepartmentsTable } from '../departments/index.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';
import { InstanceLanes } from './instance-lanes.js';
import { switchableCalendar, type SwitchableCalendar } from './switchable-calendar.js';

/** Everything a route handler or the scheduler may use; built once per process. */
export interface Services {
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly store: SqliteStore;
  readonly db: Database.Database;
  readonly runtime: Runtime;
  readonly users: UsersTable;
  readonly departments: DepartmentsTable;
  readonly sessions: SessionsTable;
  readonly signIn: SignIn;
  readonly audit: AuditTrail;
  readonly calendar: SwitchableCalendar;
  /** Serialises this process's commands to one instance. */
  readonly lanes: InstanceLanes;
  /** The connector catalogue, its allow-list and sealed secrets. */
  readonly connectors: ConnectorRegistry;
  readonly prefill: PrefillFor;
  readonly prefillReceipts: PrefillReceipts;
  readonly provenance: ProvenanceTable;
  readonly logger: Logger;
  close(): void;
}

export interface ServiceOptions {
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tests pass a clock they move by hand; the server uses the system clock. */
  readonly clock?: Clock;
  /** Used until the calendar overrides are read from the store. */
  readonly calendar?: WorkingCalendar;
  /** How connectors reach their sources; tests may route them. */
  readonly fetch?: typeof fetch;
}

export const systemClock: Clock = { now: () => new Date() };
const randomIds: IdSource = { next: () => randomUUID() };

/** Opens `DATA_DIR/tongban.db` and wires the engine, accounts and audit over it. */
export function createServices(options: ServiceOptions): Services {
  const { config } = options;
  mkdirSync(config.dataDir, { recursive: true });
  const key = loadAuditKey(config.dataDir, options.env);
  // The store's hooks need the audit trail, which needs the store's connection.
  const late: { audit?: AuditTrail } = {};
  const store = openSqliteStore(join(config.dataDir, 'tongban.db'), {
    synchronous: config.synchronous,
    // The instance change and its audit row commit together.
    onCommit: (commit) => late.audit?.appendInTransaction(auditOfCommit(commit)),
    onDeploy: (record) => late.audit?.appendInTransaction({
      at: record.deployedAt, action: 'definition.deploy', target: `${record.processId}@${record.version}`, details: { processId: record.processId, version: record.version },
    }),
  });
  const audit = auditTrail(store.database, key);
  late.audit = audit;
  const db = store.database;
  const clock = options.clock ?? systemClock;
  const calendar = switchableCalendar(options.calendar ?? createWorkingCalendar());
  const runtime = new Runtime({ store, clock, ids: randomIds, calendar });
  const users = usersTable(db);
  const sessions = sessionsTable(db, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs });
  // Secrets are sealed under a key kept apart from the database (TONGBAN_SECRETS_KEY, or DATA_DIR/secrets.key).
  const box = secretBox(loadKeyFile(config.dataDir, options.env, 'TONGBAN_SECRETS_KEY', 'secrets.key'));
  const connectors = new ConnectorRegistry(connectorTables(db), box, { now: () => clock.now().getTime(), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const receipts = prefillReceipts(db);
  return {
    config, clock, ids: randomIds, store, db, runtime, users, sessions, departments: departmentsTable(db), audit, calendar, lanes: new InstanceLanes(), logger: options.logger,
    connectors, prefillReceipts: receipts, provenance: provenanceTable(db),
    prefill: prefillService({ db, registry: connectors, receipts, audit, clock, deadlineMs: config.prefillDeadlineMs }),
    signIn: signIn({ users, sessions, audit }),
    close: () => store.close(),
  };
}

/**
 * The audit record of an instance change: the command and its ids, never
 * the variables it carried (they may hold personal data); their names are
 * enough to see which fields a clerk changed.
 */
export function auditOfCommit(commit: InstanceCommit): AuditEntry {
  const { command } = commit.history;
  const details: Record<string, unknown> = { revision: commit.instance.revision, status: commit.instance.status };
  for (const [key, value] of Object.entries(command)) {
    if (key === 'type') continue;
    if (key === 'variables' && value && typeof value === 'object') details.variableNames = Object.keys(value);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') details[key] = value;
  }
  return {
    at: commit.history.at,
    action: `instance.${command.type}`,
    instanceId: commit.instance.id,
    ...(commit.history.actor !== undefined ? { actor: commit.history.actor } : {}),
    ...('taskId' in command && typeof command.taskId === 'string' ? { target: command.taskId } : {}),
    details,
  };
}
