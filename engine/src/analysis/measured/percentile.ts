/**
 * Nearest-rank percentile: the smallest value such that at least `p` % of
 * the values are at or below it (`sorted[ceil(p/100 · n) − 1]`). Always one
 * of the values, never an interpolation, so "p90 = 3 working days" is what
 * some real application took. `sorted` ascending and not empty.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
