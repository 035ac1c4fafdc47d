/**
 * Display masks (脱敏) from identifiers.md §3. GB/T 35273 §7.2 asks for
 * de-identification on display but fixes no pattern; these are the common
 * practice patterns the reference lists. Every mask keeps the length (in
 * code points) so layouts and "looks like an ID" cues survive.
 * Apply on the server, to normalised values.
 */

const MASK = '*';

/**
 * Keep `keepStart` leading and `keepEnd` trailing code points. Values too
 * short for that are masked entirely, so a malformed short value never
 * leaks whole.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return MASK.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    MASK.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/** 公民身份号码: keep the 6-digit area code and the last 4; hide the birth date. 110105********1238 */
export function maskCitizenId(value: string): string {
  return maskMiddle(value, 6, 4);
}

/** 手机号码: keep first 3 and last 4. 138****5678 */
export function maskMobile(value: string): string {
  return maskMiddle(value, 3, 4);
}

/**
 * 姓名: keep the surname (first character), as 法释〔2016〕19号 art. 9 does
 * for published judgments, mask the rest one-for-one: 张三 → 张*.
 * Compound surnames (欧阳) keep only their first character, which errs on
 * the side of hiding more. A one-character value is masked entirely.
 */
export function maskName(value: string): string {
  return maskMiddle(value, 1, 0);
}

// 统一社会信用代码 are not masked: they identify organisations, are public
// registration data (国家企业信用信息公示系统), and identifiers.md gives no
// mask for them. Caveat: a 个体工商户 code (92…) is tied to a natural person
// but is still publicly listed.
