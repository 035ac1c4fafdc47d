/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 * Reference: /work/shared/domain/identifiers.md §1.
 */
import { fail, toHalfWidth, type IdentifierResult } from './result.js';

export type CitizenIdErrorCode =
  | 'citizen-id/length'
  | 'citizen-id/characters'
  | 'citizen-id/check-digit'
  | 'citizen-id/region'
  | 'citizen-id/birth-date';

export type Sex = 'male' | 'female';

export type CitizenIdResult = IdentifierResult<
  CitizenIdErrorCode,
  { value: string; birthDate: string; sex: Sex }
>;

export type CitizenIdOptions = {
  /**
   * The day to compare the birth date with, as YYYY-MM-DD or a Date.
   * Injected so callers with a clock (the engine, tests) stay deterministic;
   * defaults to today's date in China Standard Time.
   */
  today?: string | Date;
};

/** 2^(18−i) mod 11 for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by S mod 11. */
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of the address code: the province-level codes of
 * GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65), 71 台湾, 81 香港,
 * 82 澳门, and 83, which 港澳台居民居住证 numbers (830000) use. A full county
 * table would reject synthetic numbers and goes stale as divisions change.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const MIN_BIRTH_DATE = '1900-01-01';

/** Trim, full-width to half-width, drop inner spaces, `x` → `X`. */
export function normaliseCitizenId(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** The check character for a 17-digit body. */
export function citizenIdCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export function validateCitizenId(input: string, options: CitizenIdOptions = {}): CitizenIdResult {
  const value = normaliseCitizenId(input);
  if (value.length !== 18) {
    return fail('citizen-id/length', '公民身份号码应为18位', 'A citizen ID number must have 18 characters');
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail(
      'citizen-id/characters',
      '公民身份号码前17位应为数字，最后一位为数字或X',
      'A citizen ID number must be 17 digits followed by a digit or X',
    );
  }
  if (citizenIdCheckChar(value.slice(0, 17)) !== value[17]) {
    return fail('citizen-id/check-digit', '公民身份号码校验码错误', 'The citizen ID check character does not match');
  }
  if (!PROVINCE_CODES.has(value.slice(0, 2))) {
    return fail('citizen-id/region', '公民身份号码地址码无效', 'The citizen ID address code is not a valid region');
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  // ISO dates compare correctly as strings, so no Date arithmetic is needed.
  if (!isCalendarDate(birthDate) || birthDate < MIN_BIRTH_DATE || birthDate > todayString(options.today)) {
    return fail('citizen-id/birth-date', '公民身份号码出生日期无效', 'The citizen ID birth date is not a valid date');
  }
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex };
}

export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

function todayString(today: string | Date | undefined): string {
  if (typeof today === 'string') return today;
  // Birth dates are Chinese civil dates, so "today" is the date in UTC+8.
  const instant = today ?? new Date();
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
