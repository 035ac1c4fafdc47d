/**
 * The zod schema of one field's value, built from its definition: the
 * server's half of "one schema, validated twice". It sees only filled-in
 * values (emptiness and `required` are decided around it) and outputs the
 * normalised value (identifiers upper-cased and stripped of spaces).
 */
import { z } from 'zod';
import type { ColumnField } from '../schema/components.js';
import { compilePattern } from '../schema/pattern.js';
import { characterCount, stringLimits } from './kinds.js';
import {
  checkAddress, checkChecklist, checkDate, checkDecimalDigits, checkFile, checkFiles, checkIdentifier, checkOption,
  type Finding, type IdentifierOptions,
} from './checks.js';

type Ctx = z.core.$RefinementCtx;

function report(ctx: Ctx, finding: Finding | undefined): void {
  if (finding) ctx.addIssue({ code: 'custom', message: finding.zh, params: { code: finding.code, messageEn: finding.en } });
}

function refined<T extends z.ZodType>(base: T, check: (value: z.output<T>) => Finding | undefined) {
  return base.superRefine((value, ctx) => report(ctx, check(value)));
}

/** Built once per field (and `today`): a schema is immutable, and building one costs more than using it. */
const cache = new WeakMap<ColumnField, Map<string, z.ZodType>>();

export function valueSchema(field: ColumnField, options: IdentifierOptions = {}): z.ZodType {
  const today = options.today instanceof Date ? options.today.toISOString() : String(options.today);
  const built = cache.get(field) ?? new Map<string, z.ZodType>();
  cache.set(field, built);
  let schema = built.get(today);
  if (schema === undefined) {
    // Only `today` is kept: without it the identifier check reads the clock at each use, so the schema never goes stale.
    schema = buildValueSchema(field, options.today === undefined ? {} : { today: options.today });
    built.set(today, schema);
  }
  return schema;
}

function buildValueSchema(field: ColumnField, options: IdentifierOptions): z.ZodType {
  switch (field.type) {
    case 'textfield':
    case 'textarea':
      return textSchema(field);
    case 'number': {
      let schema = z.number();
      if (field.validate?.min !== undefined) schema = schema.gte(field.validate.min);
      if (field.validate?.max !== undefined) schema = schema.lte(field.validate.max);
      return refined(schema, (value) => checkDecimalDigits(field, value));
    }
    case 'datetime':
      return refined(z.string(), checkDate);
    case 'select':
    case 'radio':
      return refined(z.string(), (value) => checkOption(field, value));
    case 'checklist':
      return refined(z.array(z.unknown()), (value) => checkChecklist(field, value));
    case 'checkbox':
    case 'commitment':
      return z.boolean();
    case 'filepicker':
      return field.multiple === true
        ? refined(z.array(z.unknown()), (value) => checkFiles(field, value))
        : refined(z.looseObject({}), (value) => checkFile(field, value));
    case 'address':
      return refined(z.looseObject({}), (value) => checkAddress(field, value));
    case 'citizenId':
    case 'creditCode':
    case 'mobile': {
      const type = field.type;
      return z.string().transform((value, ctx) => {
        const result = checkIdentifier(type, value, options);
        if (result.ok) return result.value;
        report(ctx, result.finding);
        return z.NEVER;
      });
    }
  }
}

function textSchema(field: Extract<ColumnField, { type: 'textfield' | 'textarea' }>) {
  const { minLength, maxLength } = stringLimits(field);
  const pattern = field.validate?.pattern !== undefined ? compilePattern(field.validate.pattern) : undefined;
  return refined(z.string(), (value) => {
    const length = characterCount(value);
    if (minLength !== undefined && length < minLength) return { code: 'form/min-length', zh: `至少 ${minLength} 个字符`, en: `at least ${minLength} characters` };
    if (length > maxLength) return { code: 'form/max-length', zh: `最多 ${maxLength} 个字符`, en: `at most ${maxLength} characters` };
    if (pattern && !pattern.test(value)) {
      return { code: 'form/pattern', zh: field.validate?.patternMessage ?? '格式不正确', en: field.validate?.patternMessageEn ?? 'does not have the required format' };
    }
    return undefined;
  });
}

/** A zod issue on a value as a finding, for the field-level error. */
export function issueFinding(issue: z.core.$ZodIssue): Finding {
  const params = (issue as { params?: { code?: string; messageEn?: string } }).params;
  if (params?.code !== undefined) return { code: params.code, zh: issue.message, en: params.messageEn ?? issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'form/type', zh: `类型错误，应为${typeName(issue.expected, 'zh')}`, en: `wrong type, expected ${typeName(issue.expected, 'en')}` };
    case 'too_small':
      return { code: 'form/min', zh: `不能小于 ${String(issue.minimum)}`, en: `must be at least ${String(issue.minimum)}` };
    case 'too_big':
      return { code: 'form/max', zh: `不能大于 ${String(issue.maximum)}`, en: `must be at most ${String(issue.maximum)}` };
    default:
      return { code: 'form/invalid', zh: '取值无效', en: 'invalid value' };
  }
}

function typeName(expected: string, lang: 'zh' | 'en'): string {
  const names: Record<string, [string, string]> = {
    string: ['文本', 'text'],
    number: ['数字', 'a number'],
    boolean: ['是/否', 'true or false'],
    array: ['列表', 'a list'],
    object: ['对象', 'an object'],
  };
  const pair = names[expected] ?? [expected, expected];
  return lang === 'zh' ? pair[0] : pair[1];
}
