import type Database from 'better-sqlite3';
import type { SealedSecret } from './secret-box.js';

export interface StoredConnector {
  readonly id: string;
  /** The declaration as the administrator saved it (already validated). */
  readonly record: unknown;
  readonly updatedAt: string;
  readonly updatedBy?: string;
}

export interface SecretInfo {
  readonly name: string;
  readonly updatedAt: string;
  readonly updatedBy?: string;
}

interface ConnectorRow { id: string; record: string; updated_at: string; updated_by: string | null }
interface SecretRow { name: string; iv: Buffer; ciphertext: Buffer; tag: Buffer; updated_at: string; updated_by: string | null }

const by = (user: string | null) => (user !== null ? { updatedBy: user } : {});

/** The rows behind the connector catalogue: declarations, the origin allow-list and sealed secrets. */
export function connectorTables(db: Database.Database) {
  const allConnectors = db.prepare<[], ConnectorRow>('SELECT * FROM connectors ORDER BY id');
  const upsertConnector = db.prepare<[string, string, string, string | null]>(`INSERT INTO connectors (id, record, updated_at, updated_by) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const deleteConnector = db.prepare<[string]>('DELETE FROM connectors WHERE id = ?');
  const allOrigins = db.prepare<[], { origin: string }>('SELECT origin FROM connector_origins ORDER BY origin');
  const insertOrigin = db.prepare<[string, string, string | null]>('INSERT INTO connector_origins (origin, added_at, added_by) VALUES (?, ?, ?) ON CONFLICT (origin) DO NOTHING');
  const deleteOrigin = db.prepare<[string]>('DELETE FROM connector_origins WHERE origin = ?');
  const allSecrets = db.prepare<[], SecretRow>('SELECT * FROM connector_secrets ORDER BY name');
  const secretByName = db.prepare<[string], SecretRow>('SELECT * FROM connector_secrets WHERE name = ?');
  const upsertSecret = db.prepare<[string, Buffer, Buffer, Buffer, string, string | null]>(`INSERT INTO connector_secrets (name, iv, ciphertext, tag, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET iv = excluded.iv, ciphertext = excluded.ciphertext, tag = excluded.tag, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const deleteSecret = db.prepare<[string]>('DELETE FROM connector_secrets WHERE name = ?');

  return {
    connectors: (): StoredConnector[] => allConnectors.all().map((r) => ({ id: r.id, record: JSON.parse(r.record) as unknown, updatedAt: r.updated_at, ...by(r.updated_by) })),
    putConnector: (id: string, record: unknown, at: string, user: string | undefined) => upsertConnector.run(id, JSON.stringify(record), at, user ?? null),
    deleteConnector: (id: string): boolean => deleteConnector.run(id).changes > 0,
    origins: (): string[] => allOrigins.all().map((r) => r.origin),
    addOrigin: (origin: string, at: string, user: string | undefined): boolean => insertOrigin.run(origin, at, user ?? null).changes > 0,
    deleteOrigin: (origin: string): boolean => deleteOrigin.run(origin).changes > 0,
    secrets: (): SecretInfo[] => allSecrets.all().map((r) => ({ name: r.name, updatedAt: r.updated_at, ...by(r.updated_by) })),
    sealedSecret: (name: string): SealedSecret | undefined => secretByName.get(name),
    putSecret: (name: string, sealed: SealedSecret, at: string, user: string | undefined) => upsertSecret.run(name, sealed.iv, sealed.ciphertext, sealed.tag, at, user ?? null),
    deleteSecret: (name: string): boolean => deleteSecret.run(name).changes > 0,
  };
}

export type ConnectorTables = ReturnType<typeof connectorTables>;
