import { z } from 'zod';

/** Largest serialized size of the variables one request may set. */
export const MAX_VARIABLES_BYTES = 256 * 1024;

/**
 * Process variables as a request carries them: names usable in FEEL
 * expressions, JSON values, bounded in size. Checking them against the
 * task's form comes with the forms (the schema will be derived from the
 * form definition).
 */
/** How deeply values may nest: a form's table of rows of objects is 4 or 5 levels. */
export const MAX_VARIABLES_DEPTH = 16;

/** The nesting depth of a JSON value, found without recursion (a hostile body may nest 100,000 levels). */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A record drops `__proto__` silently (it is never an own key of the
 * output); a body that carries one is refused instead, so bad input is
 * never half accepted.
 */
function refuseReservedKeys(value: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      if (RESERVED.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'This name is reserved', input: value });
    }
  }
  return value;
}

export const Variables = z.preprocess(refuseReservedKeys, z.record(
  z.string().min(1).max(100).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A variable name is letters, digits and _, not starting with a digit')
    .refine((name) => !RESERVED.has(name), 'This name is reserved'),
  // Any JSON value: the body was parsed from JSON. (z.json() is recursive, which the OpenAPI generator cannot follow.)
  z.unknown().describe('Any JSON value'),
).refine((v) => depthOf(v, MAX_VARIABLES_DEPTH) <= MAX_VARIABLES_DEPTH, { message: `Values may nest at most ${MAX_VARIABLES_DEPTH} levels`, abort: true })
  .refine((v) => Buffer.byteLength(JSON.stringify(v)) <= MAX_VARIABLES_BYTES, `At most ${MAX_VARIABLES_BYTES} bytes of variables`)
  .refine((v) => Object.keys(v).length <= 500, 'At most 500 variables'));

export const Comment = z.string().trim().min(1).max(2000);
