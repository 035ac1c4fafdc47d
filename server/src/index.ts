/**
 * @tongban/server — public surface: the SQLite adapter of the engine's Store
 * port, the configuration reader and the server itself.
 */
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store/sqlite/index.js';
export { readConfig, ConfigError, type ServerConfig } from './config/index.js';
export { startServer, createLogger, type RunningServer, type StartOptions } from './app/start-server.js';
export type { Services } from './app/services.js';
export { auditOfCommit } from './app/services.js';
export { auditTrail, loadAuditKey, type AuditTrail, type AuditEntry } from './audit/index.js';
export { Scheduler, JobBpmnError, type JobHandler, type JobHandlers } from './scheduler/index.js';
