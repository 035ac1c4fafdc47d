/**
 * Per-connector circuit breaker. After `failureThreshold` consecutive failed
 * calls the source is presumed down and calls fail fast (so clerks are not
 * kept waiting and a struggling department system is not hammered). After
 * `resetAfterMs` one trial call is let through (half-open): success closes
 * the circuit, failure opens it again for another period.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly resetAfterMs: number,
    private readonly now: () => number,
  ) {}

  state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.resetAfterMs ? 'half-open' : 'open';
  }

  /** Whether a call may go ahead; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.failureThreshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }

  /** A call that says nothing about the source's health (bad input, 4xx) ends a trial without a verdict. */
  recordNeutral(): void {
    this.trialInFlight = false;
  }
}
