/**
 * 统一社会信用代码 (GB 32100-2015): department code, category code, 6-digit
 * administrative division code, 9-char 主体标识码 (GB 11714 organisation
 * code), MOD 31 check character. Reference: identifiers.md §2.
 */
import { fail, toHalfWidth, type IdentifierResult } from './result.js';

export type CreditCodeErrorCode =
  | 'credit-code/length'
  | 'credit-code/characters'
  | 'credit-code/region'
  | 'credit-code/department'
  | 'credit-code/category'
  | 'credit-code/check-digit';

/** Soft findings: the code is accepted but looks unusual. */
export type CreditCodeWarning = 'credit-code/category-unlisted' | 'credit-code/organisation-code';

export type CreditCodeResult = IdentifierResult<
  CreditCodeErrorCode,
  { value: string; department: string; category: string; region: string; warnings: CreditCodeWarning[] }
>;

/** The 31 characters; a character's value is its index. No I, O, Z, S, V. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i−1) mod 31 for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 登记管理部门代码 → 机构类别代码 named in identifiers.md. */
const DEPARTMENTS: Readonly<Record<string, { categories: string; exhaustive: boolean }>> = {
  '1': { categories: '123', exhaustive: false }, // 机构编制
  '2': { categories: '', exhaustive: false }, // 外交
  '3': { categories: '', exhaustive: false }, // 司法行政
  '4': { categories: '', exhaustive: false }, // 文化
  '5': { categories: '123', exhaustive: false }, // 民政
  '6': { categories: '', exhaustive: false }, // 旅游
  '7': { categories: '', exhaustive: false }, // 宗教
  '8': { categories: '', exhaustive: false }, // 工会
  '9': { categories: '123', exhaustive: true }, // 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
  A: { categories: '', exhaustive: false }, // 中央军委改革和编制办公室
  N: { categories: '', exhaustive: false }, // 农业
  Y: { categories: '1', exhaustive: true }, // 其他: always 1
};

/** Trim, full-width to half-width, drop inner spaces, upper-case. */
export function normaliseCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (assumed in the alphabet). */
export function creditCodeCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(body17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * GB 11714 check of the 主体标识码. identifiers.md treats it as a warning
 * until more data is seen, so it never rejects a code.
 */
export function isValidOrganisationCode(code9: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_CHARS.indexOf(code9[i] ?? '');
    if (v < 0) return false;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return code9[8] === expected;
}

export function validateCreditCode(input: string): CreditCodeResult {
  const value = normaliseCreditCode(input);
  if (value.length !== 18) {
    return fail('credit-code/length', '统一社会信用代码应为18位', 'A unified social credit code must have 18 characters');
  }
  if (![...value].every((ch) => CREDIT_CODE_ALPHABET.includes(ch))) {
    return fail(
      'credit-code/characters',
      '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
      'A unified social credit code may only contain digits and upper-case letters except I, O, Z, S, V',
    );
  }
  const region = value.slice(2, 8);
  if (!/^\d{6}$/.test(region)) {
    return fail('credit-code/region', '统一社会信用代码第3至8位应为行政区划代码', 'Characters 3–8 must be a 6-digit administrative division code');
  }
  const department = value.slice(0, 1);
  const category = value.slice(1, 2);
  const rule = DEPARTMENTS[department];
  if (!rule) {
    return fail('credit-code/department', '统一社会信用代码登记管理部门代码无效', 'Unknown registration department code');
  }
  const listed = rule.categories.includes(category);
  if (rule.exhaustive && !listed) {
    return fail('credit-code/category', '统一社会信用代码机构类别代码无效', 'Invalid organisation category code for this department');
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) {
    return fail('credit-code/check-digit', '统一社会信用代码校验码错误', 'The unified social credit code check character does not match');
  }
  const warnings: CreditCodeWarning[] = [];
  // Only warn where the reference lists categories but not all of them.
  if (!listed && rule.categories !== '') warnings.push('credit-code/category-unlisted');
  if (!isValidOrganisationCode(value.slice(8, 17))) warnings.push('credit-code/organisation-code');
  return { ok: true, value, department, category, region, warnings };
}
