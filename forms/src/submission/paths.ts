import { FORBIDDEN_KEYS } from '../schema/keys.js';
import { isPlainObject } from '../values/checks.js';

/** The value at a dotted key, reading own properties only. */
export function getPath(data: unknown, key: string): unknown {
  let at: unknown = data;
  for (const segment of key.split('.')) {
    if (!isPlainObject(at) || !Object.hasOwn(at, segment)) return undefined;
    at = at[segment];
  }
  return at;
}

export function hasPath(data: unknown, key: string): boolean {
  const segments = key.split('.');
  let at: unknown = data;
  for (const segment of segments) {
    if (!isPlainObject(at) || !Object.hasOwn(at, segment)) return false;
    at = at[segment];
  }
  return true;
}

/** Writes a value at a dotted key ; schema keys never hold a reserved name, so no write reaches a prototype. */
export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const segments = key.split('.');
  let at = target;
  for (const segment of segments.slice(0, -1)) {
    const next = at[segment];
    if (isPlainObject(next)) at = next;
    else at = at[segment] = {};
  }
  at[segments[segments.length - 1] as string] = value;
}

/** `base` with `over` laid on top: plain objects merge, anything else replaces. Neither input is changed. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) {
    // Submissions are screened for these keys; the context is not, so they are skipped here too.
    if (!FORBIDDEN_KEYS.has(key)) merged[key] = deepMerge(base[key], over[key]);
  }
  return merged;
}
