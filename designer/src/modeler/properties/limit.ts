import { parseLimit, type LimitUnit } from '@tongban/engine';

export const LIMIT_UNITS: readonly LimitUnit[] = ['wd', 'wh', 'cd'];

export interface LimitParts {
  readonly amount: number | undefined;
  readonly unit: LimitUnit;
}

/** A `tb:` limit as the amount and unit pickers show it; text that does not parse shows as empty (the linter reports it). */
export function splitLimit(text: string | undefined): LimitParts {
  if (!text) return { amount: undefined, unit: 'wd' };
  const parsed = parseLimit(text);
  return parsed.ok ? { amount: parsed.limit.amount, unit: parsed.limit.unit } : { amount: undefined, unit: 'wd' };
}

/** The attribute value for the pickers' state; no amount removes the attribute. */
export function joinLimit(parts: LimitParts): string | undefined {
  return parts.amount === undefined || parts.amount === null ? undefined : `${parts.amount}${parts.unit}`;
}
