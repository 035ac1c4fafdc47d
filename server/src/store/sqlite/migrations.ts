import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema, one step per version; a released step never changes, a new
 * one is appended. Each table keeps the fields it is queried by as columns
 * and the whole record as JSON in `record`, so optional fields added later
 * survive without a migration.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create store tables',
    sql: `
      CREATE TABLE definitions (
        process_id TEXT NOT NULL,
        version    INTEGER NOT NULL,
        record     TEXT NOT NULL,
        PRIMARY KEY (process_id, version)
      );

      CREATE TABLE instances (
        id         TEXT PRIMARY KEY,
        process_id TEXT NOT NULL,
        status     TEXT NOT NULL,
        revision   INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        record     TEXT NOT NULL
      );
      CREATE INDEX instances_by_process ON instances (process_id, status);

      CREATE TABLE tasks (
        id          TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        status      TEXT NOT NULL,
        department  TEXT,
        record      TEXT NOT NULL
      );
      CREATE INDEX tasks_by_instance ON tasks (instance_id, status);
      CREATE INDEX tasks_by_status ON tasks (status);
      CREATE INDEX tasks_by_department ON tasks (department, status);

      CREATE TABLE timers (
        id          TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        status      TEXT NOT NULL,
        due_at      TEXT NOT NULL,
        record      TEXT NOT NULL
      );
      CREATE INDEX timers_by_due ON timers (status, due_at, id);
      CREATE INDEX timers_by_instance ON timers (instance_id, status);

      CREATE TABLE jobs (
        id          TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        status      TEXT NOT NULL,
        record      TEXT NOT NULL
      );
      CREATE INDEX jobs_by_status ON jobs (status);
      CREATE INDEX jobs_by_instance ON jobs (instance_id);

      CREATE TABLE history (
        instance_id TEXT NOT NULL REFERENCES instances (id),
        revision    INTEGER NOT NULL,
        at          TEXT NOT NULL,
        record      TEXT NOT NULL,
        PRIMARY KEY (instance_id, revision)
      );
    `,
  },
];

/**
 * Brings the schema up to date in one immediate transaction, so two
 * connections opening the same file at once cannot both apply a step.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations');
  const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    const done = new Set(applied.all().map((row) => row.version));
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}
