import { SCHEMA_LIMITS } from './limits.js';

/**
 * Property names that reach JavaScript's object machinery. They are refused
 * as keys in a schema and anywhere in a submission, so no value written
 * through a key path can change a prototype.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Why a key (a variable path such as `company.name`) is unusable, or undefined when it is fine. */
export function keyProblem(key: string, options: { single?: boolean } = {}): { zh: string; en: string } | undefined {
  if (key.length === 0) return { zh: '键为空', en: 'the key is empty' };
  if (key.length > SCHEMA_LIMITS.maxKeyLength) {
    return { zh: `键超过 ${SCHEMA_LIMITS.maxKeyLength} 个字符`, en: `the key is longer than ${SCHEMA_LIMITS.maxKeyLength} characters` };
  }
  const segments = key.split('.');
  if (options.single === true && segments.length > 1) return { zh: '表格列的键不能含“.”', en: 'a table column key cannot contain "."' };
  if (segments.length > SCHEMA_LIMITS.maxKeySegments) {
    return { zh: `键最多 ${SCHEMA_LIMITS.maxKeySegments} 段`, en: `a key has at most ${SCHEMA_LIMITS.maxKeySegments} segments` };
  }
  for (const segment of segments) {
    if (FORBIDDEN_KEYS.has(segment)) return { zh: `键不能使用保留名“${segment}”`, en: `the key may not use the reserved name "${segment}"` };
    if (!SEGMENT.test(segment)) {
      return { zh: `键“${key}”须为以“.”分隔的字母、数字和下划线`, en: `the key "${key}" must be dot-separated letters, digits and underscores` };
    }
  }
  return undefined;
}
