import Database from 'better-sqlite3';

/** How long a writer waits for another connection's write lock before SQLite gives up. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens one SQLite file (or `:memory:`) the way the store needs it: WAL so
 * readers never block the writer, foreign keys enforced, a busy timeout
 * so two connections on one file queue instead of failing at once, and
 * temporary files kept in memory.
 */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A group commit runs each commit in a savepoint, whose journal of the
    // pages it changes goes to a temporary file past 64 KiB (16 pages; an
    // instance's start changes about 30), created and unlinked each time.
    // In memory it costs a copy instead (ADR 0004).
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
