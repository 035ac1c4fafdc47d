import type Database from 'better-sqlite3';

/** Which work a lease is over: due timers, or pending connector jobs. */
export type LeaseKind = 'timer' | 'job';

/** One claimed row, held by this owner until `leaseUntil`. */
export interface Claimed {
  readonly id: string;
  readonly instanceId: string;
  /** Failed attempts so far (a retried incident starts again at 0). */
  readonly attempts: number;
}

export interface ClaimRequest {
  readonly owner: string;
  readonly now: string;
  readonly leaseUntil: string;
  readonly limit: number;
  /** Rows that failed this often wait for an administrator (an open incident). */
  readonly maxAttempts: number;
}

/**
 * Leases over the `timers` or `jobs` table. A row is free when nobody holds
 * it or its holder's lease has run out (a crashed node's work is taken over
 * after the lease), its back-off has passed, and it has not used up its
 * attempts. Claiming is one UPDATE … RETURNING in an immediate transaction,
 * so two nodes on one file never hold the same row at once.
 *
 * Every write after the claim is guarded by `lease_owner`: a node whose
 * lease ran out and was taken over cannot release or fail the new holder's
 * lease.
 */
export function leaseTable(db: Database.Database, kind: LeaseKind) {
  const table = kind === 'timer' ? 'timers' : 'jobs';
  // Timers fire in due order; jobs run in the order they were enqueued.
  const ready = kind === 'timer' ? "status = 'scheduled' AND due_at <= @now" : "status = 'pending'";
  const order = kind === 'timer' ? 'due_at, id' : 'rowid';
  const claim = db.prepare<ClaimRequest, Claimed>(`
    UPDATE ${table} SET lease_owner = @owner, lease_until = @leaseUntil
    WHERE id IN (
      SELECT id FROM ${table}
      WHERE ${ready}
        AND (lease_until IS NULL OR lease_until < @now)
        AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
        AND attempts < @maxAttempts
      ORDER BY ${order} LIMIT @limit)
    RETURNING id, instance_id AS instanceId, attempts`);
  const release = db.prepare<{ id: string; owner: string }>(
    `UPDATE ${table} SET lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner`);
  const fail = db.prepare<{ id: string; owner: string; nextAttemptAt: string | null }, { attempts: number }>(`
    UPDATE ${table} SET attempts = attempts + 1, next_attempt_at = @nextAttemptAt, lease_owner = NULL, lease_until = NULL
    WHERE id = @id AND lease_owner = @owner RETURNING attempts`);
  const reset = db.prepare<{ id: string }>(
    `UPDATE ${table} SET attempts = 0, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = @id`);
  const status = db.prepare<{ id: string }, { status: string }>(`SELECT status FROM ${table} WHERE id = @id`);
  const claimAll = db.transaction((request: ClaimRequest) => claim.all(request));

  return {
    kind,
    /** Takes up to `limit` free rows for `owner`; at most one node holds a row at a time. */
    claim: (request: ClaimRequest): Claimed[] => claimAll.immediate(request),
    /** Gives a row back at once (a lost race, or a stop), without counting an attempt. */
    release: (id: string, owner: string): void => {
      release.run({ id, owner });
    },
    /**
     * Counts a failed attempt and gives the row back, to be tried again at
     * `nextAttemptAt`. Returns the attempts so far, or undefined when the
     * lease was no longer this owner's (nothing written). Call it inside a
     * transaction when an incident must be written with it.
     */
    fail: (id: string, owner: string, nextAttemptAt: string | undefined): number | undefined =>
      fail.get({ id, owner, nextAttemptAt: nextAttemptAt ?? null })?.attempts,
    /** An administrator's retry: attempts from zero, free to be claimed now. */
    reset: (id: string): void => {
      reset.run({ id });
    },
    /** The row's engine status (`scheduled`, `fired`, `pending`, `done` …), undefined when it does not exist. */
    status: (id: string): string | undefined => status.get({ id })?.status,
  };
}

export type LeaseTable = ReturnType<typeof leaseTable>;
