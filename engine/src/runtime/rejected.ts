import { RejectedCommandError } from '../errors.js';

/**
 * A typed rejection whose message says it in Chinese first and English
 * after, as the problems do; the English text is also in `details`.
 */
export function rejected(code: string, zh: string, en: string, details: Readonly<Record<string, unknown>> = {}): RejectedCommandError {
  return new RejectedCommandError(code, `${zh}（${en}）`, { ...details, messageEn: en });
}
