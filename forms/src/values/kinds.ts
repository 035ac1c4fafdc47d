import type { ColumnField, TableField } from '../schema/components.js';
import { DEFAULT_LIMITS } from '../schema/limits.js';
import { PATTERN_MAX_INPUT } from '../schema/pattern.js';

/**
 * The JSON type each field holds, named as async-validator (element-plus's
 * form validation) names it. Emptiness follows async-validator too, so that
 * "not filled in" means the same thing in the browser and on the server:
 * `null` and absence always, `''` for strings and numbers (a cleared input),
 * `[]` for lists.
 */
export type ValueKind = 'string' | 'number' | 'boolean' | 'array' | 'object';

export function valueKind(field: ColumnField | TableField): ValueKind {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'checkbox':
    case 'commitment':
      return 'boolean';
    case 'checklist':
    case 'dynamiclist':
      return 'array';
    case 'filepicker':
      return field.multiple === true ? 'array' : 'object';
    case 'address':
      return 'object';
    default:
      return 'string';
  }
}

export function isEmptyValue(kind: ValueKind, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if ((kind === 'string' || kind === 'number') && value === '') return true;
  return kind === 'array' && Array.isArray(value) && value.length === 0;
}

/**
 * What "required" asks for beyond non-empty: text that is not only
 * whitespace, and a ticked box (a required checkbox or commitment is one
 * the applicant must tick).
 */
export function isMissing(kind: ValueKind, value: unknown): boolean {
  if (isEmptyValue(kind, value)) return true;
  if (kind === 'string' && typeof value === 'string') return /^\s+$/.test(value);
  return kind === 'boolean' && value === false;
}

/** Length limits in effect, designer's or default; a pattern caps the length so it always runs on short input. */
export function stringLimits(field: ColumnField): { minLength?: number; maxLength: number } {
  const validate = 'validate' in field ? (field.validate as { minLength?: number; maxLength?: number; pattern?: string } | undefined) : undefined;
  const fallback = field.type === 'textarea' ? DEFAULT_LIMITS.textareaMaxLength : DEFAULT_LIMITS.textfieldMaxLength;
  const cap = validate?.pattern !== undefined ? PATTERN_MAX_INPUT : Infinity;
  const maxLength = Math.min(validate?.maxLength ?? fallback, cap);
  return validate?.minLength !== undefined ? { minLength: validate.minLength, maxLength } : { maxLength };
}

/** Characters as people count them (code points), as async-validator counts them. */
export function characterCount(value: string): number {
  return Array.from(value).length;
}
