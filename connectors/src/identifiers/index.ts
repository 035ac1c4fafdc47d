export type { IdentifierFailure, IdentifierResult } from './result.js';
export { toHalfWidth } from './result.js';
export {
  citizenIdCheckChar,
  normaliseCitizenId,
  validateCitizenId,
  type CitizenIdErrorCode,
  type CitizenIdOptions,
  type CitizenIdResult,
  type Sex,
} from './citizen-id.js';
export {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  isValidOrganisationCode,
  normaliseCreditCode,
  validateCreditCode,
  type CreditCodeErrorCode,
  type CreditCodeResult,
  type CreditCodeWarning,
} from './credit-code.js';
export { normaliseMobile, validateMobile, type MobileErrorCode, type MobileResult } from './mobile.js';
export { maskCitizenId, maskMiddle, maskMobile, maskName } from './masking.js';
export { CitizenId, CreditCode, Mobile, citizenIdSchema, type IdentifierIssueParams } from './zod.js';
