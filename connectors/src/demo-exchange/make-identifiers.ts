/**
 * Identifier generators. Check characters come from the identifiers module
 * so the demo data can never disagree with the validators connectors use.
 */
import { CREDIT_CODE_ALPHABET, citizenIdCheckChar, creditCodeCheckChar, isValidOrganisationCode } from '../identifiers/index.js';
import type { Sex } from '../identifiers/index.js';
import type { Random } from './random.js';

export function makeCitizenId(random: Random, regionCode: string, birthDate: string, sex: Sex): string {
  // 顺序码: odd for men, even for women.
  const sequence = random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  const body = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return body + citizenIdCheckChar(body);
}

/** Letters the 主体标识码 may use after "MA" (credit code alphabet, so the whole code stays valid). */
const ORG_BODY_CHARS = CREDIT_CODE_ALPHABET;

/** A GB 11714 主体标识码: 8 body characters plus its own check character. */
function makeOrganisationCode(random: Random, newStyle: boolean): string {
  let body = newStyle ? 'MA' : '';
  while (body.length < 8) body += newStyle ? random.pick([...ORG_BODY_CHARS]) : String(random.int(0, 9));
  // Try the eleven possible check characters rather than duplicate the GB 11714 rule here.
  const check = [...'0123456789X'].find((c) => isValidOrganisationCode(body + c));
  if (check === undefined) throw new Error('no GB 11714 check character');
  return body + check;
}

/** `prefix` is the department + category code, e.g. "91" for a 工商 enterprise. */
export function makeCreditCode(random: Random, prefix: string, regionCode: string): string {
  const body = `${prefix}${regionCode}${makeOrganisationCode(random, random.chance(0.7))}`;
  return body + creditCodeCheckChar(body);
}

/** A mobile number in the 13x–19x ranges. */
export function makeMobile(random: Random): string {
  let number = `1${random.int(3, 9)}${random.int(0, 9)}`;
  while (number.length < 11) number += String(random.int(0, 9));
  return number;
}
