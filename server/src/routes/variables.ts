import { z } from 'zod';

/** Largest serialized size of the variables one request may set. */
export const MAX_VARIABLES_BYTES = 256 * 1024;

/**
 * Process variables as a request carries them: names usable in FEEL
 * expressions, JSON values, bounded in size. Checking them against the
 * task's form comes with the forms (the schema will be derived from the
 * form definition).
 */
export const Variables = z.record(
  z.string().min(1).max(100).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A variable name is letters, digits and _, not starting with a digit'),
  // Any JSON value: the body was parsed from JSON. (z.json() is recursive, which the OpenAPI generator cannot follow.)
  z.unknown().describe('Any JSON value'),
).refine((v) => Buffer.byteLength(JSON.stringify(v)) <= MAX_VARIABLES_BYTES, `At most ${MAX_VARIABLES_BYTES} bytes of variables`)
  .refine((v) => Object.keys(v).length <= 500, 'At most 500 variables');

export const Comment = z.string().trim().min(1).max(2000);
