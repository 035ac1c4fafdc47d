/**
 * @tongban/server — public surface. For now: the embedded SQLite adapter of
 * the engine's Store port.
 */
export { openSqliteStore, type SqliteStore } from './store/sqlite/index.js';
