/**
 * zod schemas for forms and connector inputs. Each normalises and validates
 * with the same functions as the plain validators, so the output is the
 * normalised value and a failure is one custom issue whose message is the
 * Chinese message and whose params carry the stable code and `messageEn`.
 */
import { z } from 'zod';
import { validateCitizenId, type CitizenIdOptions } from './citizen-id.js';
import { validateCreditCode } from './credit-code.js';
import { validateMobile } from './mobile.js';
import type { IdentifierFailure } from './result.js';

/** What a schema puts in `issue.params`. */
export type IdentifierIssueParams = { code: string; messageEn: string };

function identifierSchema(validate: (input: string) => { ok: true; value: string } | IdentifierFailure<string>) {
  return z.string().transform((input, ctx) => {
    const result = validate(input);
    if (result.ok) return result.value;
    const params: IdentifierIssueParams = { code: result.code, messageEn: result.messageEn };
    ctx.addIssue({ code: 'custom', message: result.message, params, input });
    return z.NEVER;
  });
}

/** 公民身份号码; `today` bounds the birth date (defaults to today in UTC+8). */
export function citizenIdSchema(options: CitizenIdOptions = {}) {
  return identifierSchema((input) => validateCitizenId(input, options));
}

export const CitizenId = citizenIdSchema();
export const CreditCode = identifierSchema(validateCreditCode);
export const Mobile = identifierSchema(validateMobile);
