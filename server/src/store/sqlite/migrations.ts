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
  {
    version: 2,
    name: 'server tables: accounts, sessions, claims, comments, calendar, audit, leases, incidents',
    sql: `
      ALTER TABLE instances ADD COLUMN created_at TEXT;
      UPDATE instances SET created_at = json_extract(record, '$.createdAt');
      CREATE INDEX instances_by_created ON instances (created_at);

      ALTER TABLE tasks ADD COLUMN process_id TEXT;
      ALTER TABLE tasks ADD COLUMN created_at TEXT;
      ALTER TABLE tasks ADD COLUMN due_at TEXT;
      UPDATE tasks SET process_id = json_extract(record, '$.processId'), created_at = json_extract(record, '$.createdAt'),
        due_at = json_extract(record, '$.dueAt');
      CREATE INDEX tasks_by_department_due ON tasks (department, status, due_at);

      CREATE TABLE departments (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        name_en    TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        display_name  TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        roles         TEXT NOT NULL,
        departments   TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until  TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );

      CREATE TABLE sessions (
        id           TEXT PRIMARY KEY,
        user_id      TEXT NOT NULL REFERENCES users (id),
        csrf_token   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        revoked_at   TEXT
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);

      CREATE TABLE task_claims (
        task_id    TEXT PRIMARY KEY REFERENCES tasks (id),
        user_id    TEXT NOT NULL REFERENCES users (id),
        claimed_at TEXT NOT NULL
      );
      CREATE INDEX task_claims_by_user ON task_claims (user_id);

      CREATE TABLE comments (
        id          TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        task_id     TEXT,
        user_id     TEXT NOT NULL,
        kind        TEXT NOT NULL,
        text        TEXT NOT NULL,
        at          TEXT NOT NULL
      );
      CREATE INDEX comments_by_instance ON comments (instance_id, at);

      CREATE TABLE calendar_overrides (
        date       TEXT PRIMARY KEY,
        working    INTEGER NOT NULL,
        name       TEXT,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE audit (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT,
        action      TEXT NOT NULL,
        instance_id TEXT,
        target      TEXT,
        details     TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      );
      CREATE INDEX audit_by_instance ON audit (instance_id, seq);
      CREATE INDEX audit_by_actor ON audit (actor, seq);
      CREATE INDEX audit_by_at ON audit (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

      ALTER TABLE timers ADD COLUMN lease_owner TEXT;
      ALTER TABLE timers ADD COLUMN lease_until TEXT;
      ALTER TABLE timers ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE timers ADD COLUMN next_attempt_at TEXT;
      ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
      ALTER TABLE jobs ADD COLUMN lease_until TEXT;
      ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE jobs ADD COLUMN next_attempt_at TEXT;

      CREATE TABLE incidents (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        target_id   TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        message     TEXT NOT NULL,
        attempts    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT
      );
      CREATE INDEX incidents_open ON incidents (resolved_at, created_at);
    `,
  },
  {
    version: 3,
    name: 'drop tasks_by_department: tasks_by_department_due starts with the same columns',
    // One index fewer to write when a task opens or closes (ADR 0004).
    sql: 'DROP INDEX IF EXISTS tasks_by_department;',
  },
  {
    version: 4,
    name: 'connectors: declarations, the origin allow-list, encrypted secrets, prefill receipts, value provenance',
    sql: `
      CREATE TABLE connectors (
        id         TEXT PRIMARY KEY,
        record     TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );

      CREATE TABLE connector_origins (
        origin   TEXT PRIMARY KEY,
        added_at TEXT NOT NULL,
        added_by TEXT
      );

      -- AES-256-GCM; the key lives outside the database (TONGBAN_SECRETS_KEY or DATA_DIR/secrets.key).
      CREATE TABLE connector_secrets (
        name       TEXT PRIMARY KEY,
        iv         BLOB NOT NULL,
        ciphertext BLOB NOT NULL,
        tag        BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );

      -- What a form was prefilled with, kept so that provenance at submission is the server's word, not the browser's.
      CREATE TABLE prefills (
        id          TEXT PRIMARY KEY,
        user_id     TEXT NOT NULL,
        process_id  TEXT NOT NULL,
        instance_id TEXT,
        task_id     TEXT,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        record      TEXT NOT NULL
      );
      CREATE INDEX prefills_by_expiry ON prefills (expires_at);

      -- Where each value of an instance came from: the applicant, a prefill (as is or edited), a clerk, or a service task.
      CREATE TABLE value_provenance (
        instance_id TEXT NOT NULL,
        path        TEXT NOT NULL,
        origin      TEXT NOT NULL CHECK (origin IN ('applicant', 'prefilled', 'prefilled-edited', 'clerk', 'service-task')),
        record      TEXT NOT NULL,
        PRIMARY KEY (instance_id, path)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'forms: the form schemas deployed with each definition version',
    // A version's forms are part of it: an instance is checked against the forms of the version it runs.
    sql: `
      CREATE TABLE forms (
        process_id TEXT NOT NULL,
        version    INTEGER NOT NULL,
        form_id    TEXT NOT NULL,
        schema     TEXT NOT NULL,
        PRIMARY KEY (process_id, version, form_id)
      ) WITHOUT ROWID;
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
