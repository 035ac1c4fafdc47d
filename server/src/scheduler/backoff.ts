/** How long to wait before the next attempt: base, 2×base, 4×base … never more than `maxMs`. */
export function backoffMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^31 ms is already 24 days; a larger exponent only risks Infinity.
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 31));
}
