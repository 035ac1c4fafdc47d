import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { Services } from '../app/services.js';
import { isBusy, fireTimer, type Outcome } from './attempts.js';
import { backoffMs } from './backoff.js';
import { forEachConcurrently } from './concurrently.js';
import { incidentsTable, type IncidentsTable } from './incidents-table.js';
import type { JobHandlers } from './job-handlers.js';
import { leaseTable, type Claimed, type LeaseTable } from './lease-table.js';
import { ownerId } from './owner-id.js';
import { runJob } from './run-job.js';
import { safeMessage } from './safe-message.js';

export interface SchedulerOptions {
  /** Connector handlers by name; none by default, so every job becomes an incident. */
  readonly handlers?: JobHandlers;
  /** `lease_owner` of this node; default host:pid:random. */
  readonly owner?: string;
  /** Pause between ticks that found less than a full batch; default `config.schedulerIntervalMs`. */
  readonly intervalMs?: number;
  /** How long a claim holds; a crashed node's work is taken over after it. Default 30 s. */
  readonly leaseMs?: number;
  /** Timers claimed per tick; default 100. */
  readonly batchSize?: number;
  /** Jobs claimed per tick; default 16. */
  readonly jobBatchSize?: number;
  /** Jobs run at once (connectors wait on the network); default 8. */
  readonly jobConcurrency?: number;
  /** A handler that takes longer has failed this attempt; default 10 s. */
  readonly jobTimeoutMs?: number;
  /** Failed attempts before an incident; default 5. */
  readonly maxAttempts?: number;
  /** Back-off after the first failure, doubling after each next one; default 1 s. */
  readonly backoffBaseMs?: number;
  /** Longest back-off; default 60 s. */
  readonly backoffMaxMs?: number;
}

/** What one tick did. */
export interface TickResult {
  /** Timers this node fired. */
  readonly timersFired: number;
  /** Jobs whose answer the engine took: completed, or failed with a BPMN error code. */
  readonly jobsRun: number;
  /** Claimed rows that were already dealt with (by another node, or by the instance moving on). */
  readonly skipped: number;
  /** Lost races and busy moments: given back for the next tick, no attempt counted. */
  readonly retrySoon: number;
  /** Failed attempts, each followed by a back-off. */
  readonly failures: number;
  /** Incidents opened, after the last attempt. */
  readonly incidents: number;
  /** Claimed but given back unrun: the scheduler is stopping, or the lease is nearly over. */
  readonly released: number;
  /** A full batch was claimed, so more may be waiting: the loop goes again at once. */
  readonly more: boolean;
}

type Counts = { -readonly [K in keyof TickResult]: TickResult[K] };

const empty = (): Counts => ({ timersFired: 0, jobsRun: 0, skipped: 0, retrySoon: 0, failures: 0, incidents: 0, released: 0, more: false });

/** Let HTTP requests in between fires: the store is synchronous, so a batch would hold the event loop. */
const YIELD_EVERY = 10;

/**
 * Fires due timers and runs pending connector jobs, claiming each with an
 * expiring lease in the store so several nodes on one database never handle
 * the same one twice. The engine's own revision check is the second guard:
 * if a lease ran out mid-fire and another node fired too, one of the two
 * commits fails with a conflict and nothing is written twice.
 *
 * A tick: claim up to a batch of due timers, fire each; claim up to a batch
 * of pending jobs, run each. Ticks never overlap: `runOnce` queues behind
 * the tick in flight. A failed attempt backs off (1 s, 2 s, 4 s … capped),
 * and after `maxAttempts` an incident is opened and the row waits for an
 * administrator (`POST /api/incidents/:id/retry`).
 */
export class Scheduler {
  readonly owner: string;
  private readonly o: Required<Omit<SchedulerOptions, 'owner'>>;
  private readonly timers: LeaseTable;
  private readonly jobs: LeaseTable;
  private readonly incidents: IncidentsTable;
  private readonly stopping = new AbortController();
  private queue: Promise<unknown> = Promise.resolve();
  private loop: NodeJS.Timeout | undefined;
  private looping = false;

  constructor(private readonly s: Services, options: SchedulerOptions = {}) {
    this.owner = options.owner ?? ownerId();
    this.o = {
      handlers: options.handlers ?? new Map(),
      intervalMs: options.intervalMs ?? s.config.schedulerIntervalMs,
      leaseMs: options.leaseMs ?? 30_000,
      batchSize: options.batchSize ?? 100,
      jobBatchSize: options.jobBatchSize ?? 16,
      jobConcurrency: options.jobConcurrency ?? 8,
      jobTimeoutMs: options.jobTimeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 5,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffMaxMs: options.backoffMaxMs ?? 60_000,
    };
    // Leases are not renewed, so a batch of slow jobs must end before its lease does.
    const worstJobBatchMs = Math.ceil(this.o.jobBatchSize / this.o.jobConcurrency) * this.o.jobTimeoutMs;
    if (worstJobBatchMs >= this.o.leaseMs) {
      throw new RangeError(`A batch of jobs may take ${worstJobBatchMs} ms, longer than the ${this.o.leaseMs} ms lease`);
    }
    this.timers = leaseTable(s.db, 'timer');
    this.jobs = leaseTable(s.db, 'job');
    this.incidents = incidentsTable(s.db);
  }

  /** Starts the tick loop; the first tick runs at once. */
  start(): void {
    if (this.looping || this.stopping.signal.aborted) return;
    this.looping = true;
    this.s.logger.info({ owner: this.owner, intervalMs: this.o.intervalMs }, 'scheduler started');
    this.next(0);
  }

  /**
   * Stops the loop and waits for the tick in flight; claims it had not yet
   * run are given back so another node can take them at once. Final: a
   * stopped scheduler does not start again.
   */
  async stop(): Promise<void> {
    this.looping = false;
    clearTimeout(this.loop);
    if (!this.stopping.signal.aborted) this.stopping.abort(new Error('The scheduler is stopping'));
    await this.queue;
  }

  /** One tick, after the one in flight if any. Tests call it with a clock they move by hand. */
  runOnce(): Promise<TickResult> {
    const tick = this.queue.then(() => this.tick());
    this.queue = tick.catch(() => undefined);
    return tick;
  }

  private next(delayMs: number): void {
    this.loop = setTimeout(() => {
      this.runOnce().then(
        (result) => {
          if (this.looping) this.next(result.more ? 0 : this.o.intervalMs);
        },
        (error: unknown) => {
          this.s.logger.error({ owner: this.owner, err: safeMessage(error) }, 'scheduler tick failed');
          if (this.looping) this.next(this.o.intervalMs);
        },
      );
    }, delayMs);
  }

  private async tick(): Promise<TickResult> {
    const counts = empty();
    if (this.stopping.signal.aborted) return counts;
    await this.fireDueTimers(counts);
    await this.runPendingJobs(counts);
    if (counts.timersFired + counts.jobsRun + counts.failures + counts.retrySoon > 0) this.s.logger.debug({ owner: this.owner, ...counts }, 'scheduler tick');
    return counts;
  }

  private claim(leases: LeaseTable, limit: number): { claimed: Claimed[]; leaseEndsMs: number } {
    const now = this.s.clock.now().getTime();
    const claimed = leases.claim({
      owner: this.owner, now: iso(now), leaseUntil: iso(now + this.o.leaseMs), limit, maxAttempts: this.o.maxAttempts,
    });
    // Stop starting new work well before the lease ends; what is left goes back.
    return { claimed, leaseEndsMs: now + this.o.leaseMs * 0.8 };
  }

  private async fireDueTimers(counts: Counts): Promise<void> {
    const { claimed, leaseEndsMs } = this.claim(this.timers, this.o.batchSize);
    if (claimed.length === this.o.batchSize) counts.more = true;
    for (const [i, timer] of claimed.entries()) {
      if (this.mustGiveBack(leaseEndsMs)) {
        this.timers.release(timer.id, this.owner);
        counts.released++;
        continue;
      }
      const outcome = await fireTimer(this.s.runtime, timer.id, () => this.timers.status(timer.id) === 'scheduled');
      this.record(this.timers, timer, outcome, counts);
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
    }
  }

  private async runPendingJobs(counts: Counts): Promise<void> {
    const { claimed, leaseEndsMs } = this.claim(this.jobs, this.o.jobBatchSize);
    if (claimed.length === this.o.jobBatchSize) counts.more = true;
    await forEachConcurrently(claimed, this.o.jobConcurrency, async (claim) => {
      if (this.mustGiveBack(leaseEndsMs)) {
        this.jobs.release(claim.id, this.owner);
        counts.released++;
        return;
      }
      const job = await this.s.store.getJob(claim.id);
      const outcome: Outcome = job
        ? await runJob(job, {
          runtime: this.s.runtime, handlers: this.o.handlers, attempt: claim.attempts + 1, timeoutMs: this.o.jobTimeoutMs,
          stopping: this.stopping.signal, stillPending: () => this.jobs.status(claim.id) === 'pending',
        })
        : { kind: 'done', how: 'skipped' };
      this.record(this.jobs, claim, outcome, counts);
    });
  }

  private mustGiveBack(leaseEndsMs: number): boolean {
    return this.stopping.signal.aborted || this.s.clock.now().getTime() >= leaseEndsMs;
  }

  /**
   * Writes what became of a claim. A done row keeps its lease owner (the
   * row is no longer scheduled or pending, so nobody claims it again, and
   * the owner says which node handled it).
   */
  private record(leases: LeaseTable, claim: Claimed, outcome: Outcome, counts: Counts): void {
    if (outcome.kind === 'done') {
      if (outcome.how === 'skipped') counts.skipped++;
      else if (outcome.how === 'fired') counts.timersFired++;
      else counts.jobsRun++;
      return;
    }
    // An attempt cut short by the stop, or lost to contention, is not the row's fault.
    if (outcome.kind === 'busy' || this.stopping.signal.aborted || isBusy(outcome.error)) {
      leases.release(claim.id, this.owner);
      counts.retrySoon++;
      return;
    }
    this.recordFailure(leases, claim, safeMessage(outcome.error), counts);
  }

  /** Counts the failed attempt, with its back-off; the last one opens an incident, in the same transaction. */
  private recordFailure(leases: LeaseTable, claim: Claimed, message: string, counts: Counts): void {
    const now = this.s.clock.now();
    const attempts = claim.attempts + 1;
    const last = attempts >= this.o.maxAttempts;
    const nextAttemptAt = last ? undefined : iso(now.getTime() + backoffMs(attempts, this.o.backoffBaseMs, this.o.backoffMaxMs));
    const log = { owner: this.owner, kind: leases.kind, id: claim.id, instanceId: claim.instanceId, attempts, error: message };
    const incidentId = this.s.db.transaction(() => {
      const counted = leases.fail(claim.id, this.owner, nextAttemptAt);
      // Our lease ran out and another node holds the row now: its attempt counts, not ours.
      if (counted === undefined || counted < this.o.maxAttempts) return undefined;
      const id = this.s.ids.next();
      const at = now.toISOString();
      this.incidents.insert({ id, kind: leases.kind, targetId: claim.id, instanceId: claim.instanceId, message, attempts: counted, createdAt: at });
      this.s.audit.append({ at, action: 'incident.create', target: claim.id, instanceId: claim.instanceId, details: { incidentId: id, kind: leases.kind, attempts: counted } });
      return id;
    }).immediate();
    counts.failures++;
    if (incidentId !== undefined) {
      counts.incidents++;
      this.s.logger.error({ ...log, incidentId }, 'incident: an administrator must retry it');
    } else if (!last) {
      this.s.logger.warn({ ...log, nextAttemptAt }, 'attempt failed; will retry');
    }
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
