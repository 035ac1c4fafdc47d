/** How often a figure is measured: warm-up runs are discarded, the median of the rest is reported. */
export interface Plan {
  readonly warmups: number;
  readonly runs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `measure` `warmups + runs` times and returns the median of the measured runs. */
export async function medianOf(plan: Plan, measure: () => number | Promise<number>): Promise<number> {
  for (let i = 0; i < plan.warmups; i++) await measure();
  const samples: number[] = [];
  for (let i = 0; i < plan.runs; i++) {
    collectGarbage();
    samples.push(await measure());
  }
  return median(samples);
}

/** Milliseconds `work` takes. */
export async function elapsedMs(work: () => void | Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Instances per second of `count` instances done by `work`. */
export async function instancesPerSec(count: number, work: () => void | Promise<void>): Promise<number> {
  return count / ((await elapsedMs(work)) / 1000);
}

/** A full collection, when node runs with --expose-gc; twice, so finalisers of the first pass are collected too. */
export function collectGarbage(): void {
  globalThis.gc?.();
  globalThis.gc?.();
}

/** Heap bytes in use after a full collection. */
export function settledHeapBytes(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
