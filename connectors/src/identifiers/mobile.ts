/** Mainland China mobile numbers: 11 digits, 1 then 3–9. */
import { fail, toHalfWidth, type IdentifierResult } from './result.js';

export type MobileErrorCode = 'mobile/characters' | 'mobile/length' | 'mobile/prefix';

export type MobileResult = IdentifierResult<MobileErrorCode, { value: string }>;

/**
 * Full-width to half-width, drop spaces and hyphens, then drop a country
 * prefix (+86, 0086, 86) only when exactly 11 digits follow: a bare "86"
 * cannot start a mobile number (they start with 1), and stripping only in
 * that case keeps normalisation idempotent.
 */
export function normaliseMobile(input: string): string {
  const compact = toHalfWidth(input).replace(/[\s-]+/g, '');
  const match = /^(?:\+86|0086|86)(\d{11})$/.exec(compact);
  return match?.[1] ?? compact;
}

export function validateMobile(input: string): MobileResult {
  const value = normaliseMobile(input);
  if (!/^\d+$/.test(value)) {
    return fail('mobile/characters', '手机号码只能包含数字', 'A mobile number may only contain digits');
  }
  if (value.length !== 11) {
    return fail('mobile/length', '手机号码应为11位', 'A mobile number must have 11 digits');
  }
  if (!/^1[3-9]/.test(value)) {
    return fail('mobile/prefix', '手机号码号段无效', 'A mobile number must start with 13–19');
  }
  return { ok: true, value };
}
