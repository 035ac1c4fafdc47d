import type Database from 'better-sqlite3';
import type { PrefilledValue } from '@tongban/connectors';

/** What one form was prefilled with, for one user: the server's record, against which a submission's provenance is judged. */
export interface PrefillReceipt {
  readonly id: string;
  readonly userId: string;
  readonly processId: string;
  readonly instanceId?: string;
  readonly taskId?: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly values: readonly PrefilledValue[];
}

interface Row { id: string; user_id: string; process_id: string; instance_id: string | null; task_id: string | null; created_at: string; expires_at: string; record: string }

/** A form may stay open for a working morning; after that the clerk prefills again. */
export const RECEIPT_LIFETIME_MS = 4 * 3_600_000;

export function prefillReceipts(db: Database.Database) {
  const insert = db.prepare<[string, string, string, string | null, string | null, string, string, string]>(
    'INSERT INTO prefills (id, user_id, process_id, instance_id, task_id, created_at, expires_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const byId = db.prepare<[string], Row>('SELECT * FROM prefills WHERE id = ?');
  const purge = db.prepare<[string]>('DELETE FROM prefills WHERE expires_at < ?');
  return {
    save(receipt: PrefillReceipt): void {
      purge.run(receipt.createdAt);
      insert.run(receipt.id, receipt.userId, receipt.processId, receipt.instanceId ?? null, receipt.taskId ?? null, receipt.createdAt, receipt.expiresAt, JSON.stringify({ values: receipt.values }));
    },
    /** The receipt, if it exists, belongs to this user and has not expired. */
    find(id: string, userId: string, now: string): PrefillReceipt | undefined {
      const row = byId.get(id);
      if (!row || row.user_id !== userId || row.expires_at < now) return undefined;
      return {
        id: row.id, userId: row.user_id, processId: row.process_id, createdAt: row.created_at, expiresAt: row.expires_at,
        ...(row.instance_id !== null ? { instanceId: row.instance_id } : {}), ...(row.task_id !== null ? { taskId: row.task_id } : {}),
        values: (JSON.parse(row.record) as { values: PrefilledValue[] }).values,
      };
    },
  };
}

export type PrefillReceipts = ReturnType<typeof prefillReceipts>;
