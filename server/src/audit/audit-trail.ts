import { createHmac, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';

/** What happened, who did it and to what. `details` never holds form data or other personal data. */
export interface AuditEntry {
  readonly at: string;
  /** User id; absent for the system (the scheduler, a timeout action). */
  readonly actor?: string;
  /** Dotted verb: `session.login`, `definition.deploy`, `instance.task.complete`, `task.claim` … */
  readonly action: string;
  readonly instanceId?: string;
  /** The object acted on, when not the instance: a task, user, definition or date. */
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditQuery {
  readonly instanceId?: string;
  readonly actor?: string;
  /** One action, `prefill` or `personal-data.read` say. */
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

export type AuditVerification =
  | { readonly ok: true; readonly checked: number }
  | { readonly ok: false; readonly checked: number; readonly seq: number; readonly reason: 'hash-mismatch' | 'chain-broken' | 'gap' };

const GENESIS = '0'.repeat(64);

interface Row { seq: number; at: string; actor: string | null; action: string; instance_id: string | null; target: string | null; details: string; prev_hash: string; hash: string }

/**
 * The append-only audit trail. Each row's hash is an HMAC (SHA-256, with a
 * key kept outside the database) over its content and the previous row's
 * hash, so editing or deleting a row breaks the chain at that row, and
 * nobody without the key can rebuild it. Triggers refuse UPDATE and DELETE.
 * Appends run inside the caller's transaction (an instance commit writes its
 * audit row in the same transaction) or an immediate one of their own; the
 * write lock orders them, so several processes chain correctly.
 */
export function auditTrail(db: Database.Database, key: Buffer) {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(`INSERT INTO audit (seq, at, actor, action, instance_id, target, details, prev_hash, hash)
    VALUES (@seq, @at, @actor, @action, @instanceId, @target, @details, @prevHash, @hash)`);
  const all = db.prepare<[], Row>('SELECT * FROM audit ORDER BY seq');

  const mac = (seq: number, e: { at: string; actor: string | null; action: string; instanceId: string | null; target: string | null; details: string }, prevHash: string): string =>
    createHmac('sha256', key).update(JSON.stringify([seq, e.at, e.actor, e.action, e.instanceId, e.target, e.details, prevHash])).digest('hex');

  /** Appends within the current transaction; the caller must hold the write lock (an immediate transaction). */
  function appendInTransaction(entry: AuditEntry): number {
    const previous = last.get();
    const seq = (previous?.seq ?? 0) + 1;
    const prevHash = previous?.hash ?? GENESIS;
    const row = {
      at: entry.at, actor: entry.actor ?? null, action: entry.action, instanceId: entry.instanceId ?? null,
      target: entry.target ?? null, details: JSON.stringify(entry.details ?? {}),
    };
    insert.run({ ...row, seq, prevHash, hash: mac(seq, row, prevHash) });
    return seq;
  }
  const appendAlone = db.transaction(appendInTransaction);

  return {
    appendInTransaction,
    /** Appends in a transaction of its own (or the caller's, when one is open). */
    append(entry: AuditEntry): number {
      return db.inTransaction ? appendInTransaction(entry) : appendAlone.immediate(entry);
    },
    query(q: AuditQuery): { items: AuditRecord[]; total: number } {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (q.instanceId !== undefined) { where.push('instance_id = @instanceId'); params.instanceId = q.instanceId; }
      if (q.actor !== undefined) { where.push('actor = @actor'); params.actor = q.actor; }
      if (q.action !== undefined) { where.push('action = @action'); params.action = q.action; }
      if (q.from !== undefined) { where.push('at >= @from'); params.from = q.from; }
      if (q.to !== undefined) { where.push('at < @to'); params.to = q.to; }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM audit ${clause}`).get(params) as { n: number }).n;
      const rows = db.prepare(`SELECT * FROM audit ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
      return { items: rows.map(toRecord), total };
    },
    /** Walks the whole chain; the first row that does not check out is reported. */
    verify(): AuditVerification {
      let prevHash = GENESIS;
      let expectedSeq = 1;
      let checked = 0;
      for (const row of all.iterate()) {
        if (row.seq !== expectedSeq) return { ok: false, checked, seq: row.seq, reason: 'gap' };
        if (row.prev_hash !== prevHash) return { ok: false, checked, seq: row.seq, reason: 'chain-broken' };
        const expected = mac(row.seq, { at: row.at, actor: row.actor, action: row.action, instanceId: row.instance_id, target: row.target, details: row.details }, row.prev_hash);
        if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(row.hash.padEnd(64, '0').slice(0, 64), 'hex'))) {
          return { ok: false, checked, seq: row.seq, reason: 'hash-mismatch' };
        }
        prevHash = row.hash;
        expectedSeq++;
        checked++;
      }
      return { ok: true, checked };
    },
  };
}

function toRecord(row: Row): AuditRecord {
  return {
    seq: row.seq, at: row.at, action: row.action, details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash, hash: row.hash,
    ...(row.actor !== null ? { actor: row.actor } : {}),
    ...(row.instance_id !== null ? { instanceId: row.instance_id } : {}),
    ...(row.target !== null ? { target: row.target } : {}),
  };
}

export type AuditTrail = ReturnType<typeof auditTrail>;
