/**
 * A token bucket per caller (user id, or address before sign-in): `rate`
 * tokens a second up to `burst`. Kept in memory per server process, so with
 * several processes each enforces its own share; the limit is a guard
 * against a runaway client, not a quota.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rate: number, private readonly burst: number) {}

  /** 0 when the call may go ahead; otherwise the seconds to wait. */
  take(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.rate);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.forgetFull(nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate));
  }

  /** Buckets that have refilled carry no information; drop them. */
  private forgetFull(nowMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((nowMs - b.at) / 1000) * this.rate >= this.burst) this.buckets.delete(key);
    }
  }
}
