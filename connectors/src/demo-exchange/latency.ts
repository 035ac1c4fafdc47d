/**
 * Added latency for benchmarks and tests: a fixed delay plus jitter per
 * server, or a per-request override in the X-Demo-Latency header.
 */
export const MAX_LATENCY_MS = 10_000;

export type LatencySettings = { latencyMs: number; jitterMs: number; seed: number };

/** Throws at start-up: a mistyped option should not silently mean "no latency". */
export function checkLatencyOption(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_LATENCY_MS) {
    throw new RangeError(`${name} must be an integer from 0 to ${MAX_LATENCY_MS}, got ${value}`);
  }
  return value;
}

/** The header's value in ms; undefined when absent; 'bad' for anything but 0..MAX_LATENCY_MS in plain digits. */
export function parseLatencyHeader(header: string | string[] | undefined): number | undefined | 'bad' {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^\d{1,5}$/.test(header.trim())) return 'bad';
  const ms = Number(header.trim());
  return ms <= MAX_LATENCY_MS ? ms : 'bad';
}

/**
 * latencyMs plus a jitter in [0, jitterMs] that is a hash of the seed and the
 * request target: deterministic, so a benchmark run can be repeated with the
 * same delays, yet spread across records and unaffected by request order.
 */
export function latencyFor(settings: LatencySettings, target: string): number {
  if (settings.jitterMs === 0) return settings.latencyMs;
  return settings.latencyMs + (fnv1a(`${settings.seed}:${target}`) % (settings.jitterMs + 1));
}

/** 32-bit FNV-1a: tiny, and good enough to spread URLs over a range. */
function fnv1a(text: string): number {
  let hash = 0x81_1c_9d_c5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
  }
  return hash;
}
