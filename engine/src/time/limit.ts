/**
 * Time limits as diagrams write them: `5wd` (working days), `4wh` (working
 * hours), `3cd` (calendar days).
 *
 * Grammar (no whitespace anywhere, units are lower case):
 *
 *   limit  = amount unit
 *   amount = integer 1..9999 without leading zeros;
 *            for `wh` only, optionally one decimal place (`0.5wh`, `1.5wh`)
 *   unit   = "wd" | "wh" | "cd"
 *
 * Why so strict: a limit is a legal promise printed in the service guide, so
 * the designer must see at once when it is not what the clerk will read.
 * Half an hour is a real office-hours unit; half a working day or calendar
 * day is not (deadlines end at close of business, 民法典 art. 203), so
 * fractions are allowed for `wh` only. 9999 is far above any legal limit
 * (the longest in domain/time-limits.md is 45wd + 15wd) and catches typos.
 *
 * Pure: no Date, no calendar. Turning a limit into a deadline needs the
 * working-day calendar and lives elsewhere.
 */

export type LimitUnit = 'wd' | 'wh' | 'cd';

export interface Limit {
  readonly amount: number;
  readonly unit: LimitUnit;
}

export type LimitErrorReason =
  | 'empty'
  | 'whitespace'
  | 'missing-amount'
  | 'missing-unit'
  | 'unknown-unit'
  | 'malformed-amount'
  | 'not-positive'
  | 'fraction-not-allowed'
  | 'too-many-decimals'
  | 'too-large';

export interface LimitError {
  readonly reason: LimitErrorReason;
  /** The text that failed to parse. */
  readonly text: string;
  /** The unit as written, for `unknown-unit` and `fraction-not-allowed`. */
  readonly unit?: string;
}

export type LimitResult =
  | { readonly ok: true; readonly limit: Limit }
  | { readonly ok: false; readonly error: LimitError };

/** Largest amount accepted in any unit. */
export const MAX_LIMIT_AMOUNT = 9999;

/**
 * `wh` limits are counted on office hours, and the default office hours
 * (09:00–12:00, 13:30–17:30) make a 7-hour working day, so that is what a
 * working day is worth when `wd` is compared with `wh` (the design analysis
 * uses the same figure). Deadlines themselves use the calendar.
 */
export const WORKING_HOURS_PER_DAY = 7;

const UNITS: readonly string[] = ['wd', 'wh', 'cd'];

function isUnit(text: string): text is LimitUnit {
  return UNITS.includes(text);
}

function fail(reason: LimitErrorReason, text: string, unit?: string): LimitResult {
  return { ok: false, error: unit === undefined ? { reason, text } : { reason, text, unit } };
}

export function parseLimit(text: string): LimitResult {
  if (text === '') return fail('empty', text);
  if (/\s/.test(text)) return fail('whitespace', text);
  const match = /^([^A-Za-z]*)([A-Za-z]*)$/.exec(text);
  if (!match) return fail('malformed-amount', text);
  const amountText = match[1] ?? '';
  const unitText = match[2] ?? '';
  if (amountText === '') return fail('missing-amount', text);
  if (unitText === '') return fail('missing-unit', text);
  if (!isUnit(unitText)) return fail('unknown-unit', text, unitText);
  return parseAmount(text, amountText, unitText);
}

function parseAmount(text: string, amountText: string, unit: LimitUnit): LimitResult {
  const number = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/.exec(amountText);
  if (!number) return fail('malformed-amount', text);
  const amount = Number(amountText);
  if (number[1] === '-' || amount === 0) return fail('not-positive', text);
  const decimals = number[3];
  if (decimals !== undefined && unit !== 'wh') return fail('fraction-not-allowed', text, unit);
  if (decimals !== undefined && decimals.length > 1) return fail('too-many-decimals', text);
  if (amount > MAX_LIMIT_AMOUNT) return fail('too-large', text);
  return { ok: true, limit: { amount, unit } };
}

/** The canonical text of a limit; `parseLimit(formatLimit(l))` gives `l` back. */
export function formatLimit(limit: Limit): string {
  return `${String(limit.amount)}${limit.unit}`;
}

/**
 * How `a` compares with `b`: `greater` means `a` is longer. `unknown` when
 * the units cannot be compared without a calendar (calendar days against
 * working days or hours: how many working days fit in N calendar days
 * depends on where the period falls).
 */
export type LimitComparison = 'less' | 'equal' | 'greater' | 'unknown';

export function compareLimits(a: Limit, b: Limit): LimitComparison {
  const left = inTenthsOfComparableUnit(a);
  const right = inTenthsOfComparableUnit(b);
  if (left.scale !== right.scale) return 'unknown';
  if (left.tenths === right.tenths) return 'equal';
  return left.tenths > right.tenths ? 'greater' : 'less';
}

/**
 * Working days and hours share one scale (hours), calendar days have their
 * own. Tenths keep `0.5wh` exact in integer arithmetic.
 */
function inTenthsOfComparableUnit(limit: Limit): { scale: 'working' | 'calendar'; tenths: number } {
  const tenths = Math.round(limit.amount * 10);
  switch (limit.unit) {
    case 'wd':
      return { scale: 'working', tenths: tenths * WORKING_HOURS_PER_DAY };
    case 'wh':
      return { scale: 'working', tenths };
    case 'cd':
      return { scale: 'calendar', tenths };
  }
}
