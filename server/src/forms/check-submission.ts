import { validateSubmission, type FieldError, type FormSchema } from '@tongban/forms';
import { Problem, type FieldProblem } from '../http/problem.js';

/** A submission's field error as the API reports it: under `variables` in the body. */
function fieldProblem(error: FieldError, language: 'zh' | 'en'): FieldProblem {
  const segments = error.path === '' ? [] : error.path.split('.');
  return {
    in: 'body',
    path: ['variables', ...segments].join('.'),
    pointer: `/${['variables', ...segments].map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
    code: error.code,
    message: language === 'en' ? error.messageEn : error.message,
  };
}

/**
 * Checks submitted variables against the form and returns the values to
 * store (the form's own cleaned values, never the raw input); a refusal is
 * 400 request/invalid with one error per field, and nothing is written.
 */
export function checkSubmission(
  schema: FormSchema, variables: Record<string, unknown>, context: Record<string, unknown>, language: 'zh' | 'en',
): Record<string, unknown> {
  const result = validateSubmission(schema, variables, { context });
  if (result.ok) return result.values;
  const errors = result.errors.map((e) => fieldProblem(e, language));
  throw new Problem('request/invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/** The language of the request's answers, as the error middleware picks it. */
export function requestLanguage(acceptLanguage: string): 'zh' | 'en' {
  return /^en\b/i.test(acceptLanguage) ? 'en' : 'zh';
}
