/**
 * The browser's half: el-form rule objects (async-validator, which
 * element-plus validates with) built from the same schema and, for
 * everything async-validator cannot say, calling the same checks as the
 * server. el-form validates only the form items it renders, so the
 * renderer renders a field only while `visibleFieldKeys` lists it and gives
 * each table cell the column's rules with the prop `table.<row>.<column>`.
 */
import type { ColumnField, TableField } from '../schema/components.js';
import type { FormSchema } from '../schema/form.js';
import { listFields } from '../schema/fields.js';
import { DEFAULT_LIMITS } from '../schema/limits.js';
import { compilePattern } from '../schema/pattern.js';
import { accessOf, isRequiredIn, isWritable, type FieldPermissions } from '../submission/permissions.js';
import {
  checkAddress, checkChecklist, checkDate, checkDecimalDigits, checkFile, checkFiles, checkIdentifier, checkOption, isPlainObject,
  type Finding, type IdentifierOptions,
} from '../values/checks.js';
import { isEmptyValue, stringLimits, valueKind, type ValueKind } from '../values/kinds.js';

/** async-validator's rule, as element-plus's `FormItemRule` accepts it. */
export type RendererRule = {
  required?: boolean;
  type?: ValueKind;
  whitespace?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  message?: string;
  trigger?: 'blur' | 'change';
  validator?: (rule: unknown, value: unknown, callback: (error?: Error) => void) => void;
};

export type RendererRules = {
  /** Rules by field key, for `<el-form :rules>`. Only fields the task may write have rules. */
  fields: Record<string, RendererRule[]>;
  /** Rules of each table's columns: `columns[tableKey][columnKey]`, for each row's `<el-form-item :rules>`. */
  columns: Record<string, Record<string, RendererRule[]>>;
};

export type RendererRuleOptions = IdentifierOptions & { permissions?: FieldPermissions; lang?: 'zh' | 'en' };

export function toRendererRules(schema: FormSchema, options: RendererRuleOptions = {}): RendererRules {
  const rules: RendererRules = { fields: {}, columns: {} };
  for (const entry of listFields(schema)) {
    const access = accessOf(entry, options.permissions);
    if (!isWritable(access)) continue;
    const required = isRequiredIn(entry, access);
    if (entry.field.type === 'dynamiclist') {
      const table = entry.field;
      rules.fields[entry.key] = tableRules(table, required, options);
      rules.columns[entry.key] = Object.fromEntries(table.components.map((column) => [column.key, fieldRules(column, column.validate?.required === true, options)]));
    } else {
      rules.fields[entry.key] = fieldRules(entry.field, required, options);
    }
  }
  return rules;
}

function say(field: ColumnField | TableField, options: RendererRuleOptions, zh: string, en: string): string {
  return options.lang === 'en' ? `${field.labelEn}: ${en}` : `${field.label}：${zh}`;
}

function custom(field: ColumnField | TableField, kind: ValueKind, options: RendererRuleOptions, check: (value: unknown) => Finding | undefined): RendererRule {
  return {
    trigger: 'blur',
    validator: (_rule, value, callback) => {
      const finding = isEmptyValue(kind, value) ? undefined : check(value);
      callback(finding ? new Error(say(field, options, finding.zh, finding.en)) : undefined);
    },
  };
}

function fieldRules(field: ColumnField, required: boolean, options: RendererRuleOptions): RendererRule[] {
  const kind = valueKind(field);
  const rules: RendererRule[] = [];
  const requiredMessage = say(field, options, '为必填项', 'is required');
  if (required && kind === 'boolean') {
    // async-validator takes `false` as a value; a required box must be ticked.
    rules.push({ trigger: 'change', validator: (_rule, value, callback) => callback(value === true ? undefined : new Error(requiredMessage)) });
  } else if (required) {
    rules.push({ required: true, type: kind, ...(kind === 'string' ? { whitespace: true } : {}), message: requiredMessage, trigger: 'blur' });
  }
  rules.push({ type: kind, message: say(field, options, '类型错误', 'wrong type'), trigger: 'blur' });
  rules.push(...kindRules(field, options));
  return rules;
}

function kindRules(field: ColumnField, options: RendererRuleOptions): RendererRule[] {
  const kind = valueKind(field);
  const when = <T>(guard: (value: unknown) => value is T, check: (value: T) => Finding | undefined) =>
    custom(field, kind, options, (value) => (guard(value) ? check(value) : undefined));
  const isString = (value: unknown): value is string => typeof value === 'string';
  const isNumber = (value: unknown): value is number => typeof value === 'number';
  const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
  switch (field.type) {
    case 'textfield':
    case 'textarea': {
      const { minLength, maxLength } = stringLimits(field);
      const rules: RendererRule[] = [];
      if (minLength !== undefined) rules.push({ type: 'string', min: minLength, message: say(field, options, `至少 ${minLength} 个字符`, `at least ${minLength} characters`), trigger: 'blur' });
      rules.push({ type: 'string', max: maxLength, message: say(field, options, `最多 ${maxLength} 个字符`, `at most ${maxLength} characters`), trigger: 'blur' });
      const pattern = field.validate?.pattern;
      if (pattern !== undefined) {
        rules.push({
          type: 'string',
          pattern: compilePattern(pattern),
          message: say(field, options, field.validate?.patternMessage ?? '格式不正确', field.validate?.patternMessageEn ?? 'does not have the required format'),
          trigger: 'blur',
        });
      }
      return rules;
    }
    case 'number': {
      const rules: RendererRule[] = [];
      const { min, max } = field.validate ?? {};
      if (min !== undefined) rules.push({ type: 'number', min, message: say(field, options, `不能小于 ${min}`, `must be at least ${min}`), trigger: 'blur' });
      if (max !== undefined) rules.push({ type: 'number', max, message: say(field, options, `不能大于 ${max}`, `must be at most ${max}`), trigger: 'blur' });
      rules.push(when(isNumber, (value) => checkDecimalDigits(field, value)));
      return rules;
    }
    case 'datetime':
      return [when(isString, checkDate)];
    case 'select':
    case 'radio':
      return [when(isString, (value) => checkOption(field, value))];
    case 'checklist':
      return [when(isArray, (value) => checkChecklist(field, value))];
    case 'filepicker':
      return [field.multiple === true ? when(isArray, (value) => checkFiles(field, value)) : when(isPlainObject, (value) => checkFile(field, value))];
    case 'address':
      return [when(isPlainObject, (value) => checkAddress(field, value))];
    case 'citizenId':
    case 'creditCode':
    case 'mobile': {
      const type = field.type;
      return [when(isString, (value) => {
        const result = checkIdentifier(type, value, options);
        return result.ok ? undefined : result.finding;
      })];
    }
    case 'checkbox':
    case 'commitment':
      return [];
  }
}

function tableRules(table: TableField, required: boolean, options: RendererRuleOptions): RendererRule[] {
  const minRows = table.validate?.minRows ?? 0;
  const maxRows = table.validate?.maxRows ?? DEFAULT_LIMITS.tableMaxRows;
  const rules: RendererRule[] = [];
  if (required) rules.push({ required: true, type: 'array', message: say(table, options, '为必填项', 'is required'), trigger: 'change' });
  rules.push({ type: 'array', message: say(table, options, '类型错误，应为列表', 'wrong type, expected a list'), trigger: 'change' });
  if (minRows > 0) rules.push({ type: 'array', min: minRows, message: say(table, options, `至少 ${minRows} 行`, `at least ${minRows} rows`), trigger: 'change' });
  rules.push({ type: 'array', max: maxRows, message: say(table, options, `最多 ${maxRows} 行`, `at most ${maxRows} rows`), trigger: 'change' });
  rules.push(custom(table, 'array', options, (value) =>
    Array.isArray(value) && value.some((row) => !isPlainObject(row)) ? { code: 'form/row', zh: '每行应为对象', en: 'each row must be an object' } : undefined));
  return rules;
}
