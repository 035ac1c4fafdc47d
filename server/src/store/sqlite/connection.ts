import Database from 'better-sqlite3';

/** How long a writer waits for another connection's write lock before SQLite gives up. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens one SQLite file (or `:memory:`) the way the store needs it: WAL so
 * readers never block the writer, foreign keys enforced, and a busy timeout
 * so two connections on one file queue instead of failing at once.
 */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
