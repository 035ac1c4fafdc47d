import type Database from 'better-sqlite3';
import type { InstanceCommit } from '@tongban/engine';

interface Waiting {
  readonly commit: InstanceCommit;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: the commits that arrive while the event loop is busy with
 * other requests are written together, in arrival order, in one immediate
 * transaction, so they share one sync of the WAL (the cost that dominates
 * with `synchronous = FULL`). Each runs in a savepoint of its own: one that
 * fails (a revision conflict) is rolled back alone and its caller gets the
 * error, while the others are written. Every caller's promise settles only
 * after the transaction's COMMIT returned, so an acknowledged commit is as
 * durable as with one transaction each. ADR 0004.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private scheduled = false;
  private readonly group: Database.Transaction<(batch: readonly Waiting[]) => unknown[]>;

  /** `apply` is a better-sqlite3 transaction function: called inside another, it runs as a savepoint. */
  constructor(db: Database.Database, private readonly apply: Database.Transaction<(c: InstanceCommit) => void>) {
    this.group = db.transaction((batch: readonly Waiting[]) => batch.map((w) => {
      try {
        apply(w.commit);
        return undefined;
      } catch (error) {
        return error ?? new Error('commit failed');
      }
    }));
  }

  submit(commit: InstanceCommit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ commit, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: the requests that arrived together commit together.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes whatever waits, now (before the connection closes). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let outcomes: unknown[];
    try {
      // A commit alone needs no savepoint: its own transaction rolls back just as well.
      outcomes = batch.length === 1 ? [this.single(batch[0]!.commit)] : this.group.immediate(batch);
    } catch (error) {
      // The transaction itself failed (the database busy past its timeout, a full disk): nothing was written.
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => (outcomes[i] === undefined ? w.resolve() : w.reject(outcomes[i])));
  }

  /** One commit in its own immediate transaction; its error is the outcome, as in a group. */
  private single(commit: InstanceCommit): unknown {
    try {
      this.apply.immediate(commit);
      return undefined;
    } catch (error) {
      return error ?? new Error('commit failed');
    }
  }
}
