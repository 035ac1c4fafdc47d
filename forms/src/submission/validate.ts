/**
 * Server-side validation of a submitted form: derived from the schema, never
 * written a second time. Checks in order of cost: reserved keys and depth, size,
 * structure (unknown fields), then each field: may the task write it, is it
 * shown, is it filled in when required, and its value against the zod
 * schema built from its definition. The input is never changed; the result
 * is a new object of normalised values, or every field-level error.
 *
 * Values of hidden fields are dropped, not refused: the renderer keeps what
 * the clerk typed in a field that a condition hid (so it comes back when the
 * condition flips), and sends it; neither side validates it and it is never
 * stored. A value for a field the task may not write is refused.
 */
import { problem, type FormProblem } from '../problem.js';
import type { ColumnField, TableField } from '../schema/components.js';
import type { FormSchema } from '../schema/form.js';
import { listFields, type FieldEntry } from '../schema/fields.js';
import { DEFAULT_LIMITS, DEFAULT_MAX_SUBMISSION_BYTES } from '../schema/limits.js';
import { utf8Length } from '../schema/parse.js';
import { isPlainObject, type IdentifierOptions } from '../values/checks.js';
import { isEmptyValue, isMissing, valueKind } from '../values/kinds.js';
import { issueFinding, valueSchema } from '../values/value-schema.js';
import { deepMerge, getPath, hasPath, setPath } from './paths.js';
import { accessOf, isRequiredIn, isWritable, unknownPermissionKeys, type FieldPermissions } from './permissions.js';
import { forbiddenKeyErrors, structureErrors } from './structure.js';
import { visibilityOver, type Visibility } from './visibility.js';

export type FieldError = FormProblem;

export type ValidateSubmissionOptions = IdentifierOptions & {
  /** The task's field permissions; absent means every field as the form defines it. */
  permissions?: FieldPermissions;
  /** Process variables the form's conditions may read (and where read-only fields' values live). */
  context?: Record<string, unknown>;
  /** UTF-8 bytes of the submission's JSON; default 1 MiB. */
  maxBytes?: number;
};

export type SubmissionResult = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export function validateSubmission(schema: FormSchema, data: unknown, options: ValidateSubmissionOptions = {}): SubmissionResult {
  const entries = listFields(schema);
  const badPermissions = unknownPermissionKeys(entries, options.permissions);
  if (badPermissions.length > 0) throw new TypeError(`permissions name fields the form "${schema.id}" does not have: ${badPermissions.join(', ')}`);
  if (!isPlainObject(data)) return refuse([problem('', 'form/not-object', '提交内容应为对象', 'the submission must be an object')]);
  // Depth first: serialising absurd nesting to measure it would overflow the stack.
  const hostile = forbiddenKeyErrors(data);
  if (hostile.length > 0) return refuse(hostile);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SUBMISSION_BYTES;
  const size = jsonSize(data);
  if (size === undefined) return refuse([problem('', 'form/not-json', '提交内容不是 JSON 值', 'the submission is not a JSON value')]);
  if (size > maxBytes) {
    return refuse([problem('', 'form/too-large', `提交内容超过 ${maxBytes} 字节`, `the submission is larger than ${maxBytes} bytes`)]);
  }
  const errors = structureErrors(data, entries.map((entry) => entry.key));
  // A field under something that is not an object was already reported there.
  const broken = errors.filter((error) => error.code === 'form/not-object').map((error) => `${error.path}.`);
  const visibility = visibilityOver(deepMerge(options.context ?? {}, data) as Record<string, unknown>);
  const values: Record<string, unknown> = {};
  for (const entry of entries) {
    if (broken.some((prefix) => entry.key.startsWith(prefix))) continue;
    const result = checkEntry(entry, data, visibility, options);
    if ('error' in result) errors.push(...result.error);
    else if (result.value !== undefined) setPath(values, entry.key, result.value);
  }
  return errors.length > 0 ? refuse(errors) : { ok: true, values };
}

type EntryResult = { value: unknown } | { error: FieldError[] };

function checkEntry(entry: FieldEntry, data: Record<string, unknown>, visibility: Visibility, options: ValidateSubmissionOptions): EntryResult {
  const access = accessOf(entry, options.permissions);
  const { key, field } = entry;
  if (!isWritable(access)) {
    if (hasPath(data, key)) return { error: [fieldError(key, field, 'form/not-writable', '本环节不能填写此字段', 'this task may not write this field')] };
    return { value: undefined };
  }
  if (!visibility.isVisible(entry)) return { value: undefined };
  const value = getPath(data, key);
  const required = isRequiredIn(entry, access);
  if (field.type === 'dynamiclist') return checkTable(key, field, value, required, visibility, options);
  return checkValue(key, field, value, required, options);
}

function checkValue(path: string, field: ColumnField, value: unknown, required: boolean, options: IdentifierOptions): EntryResult {
  const kind = valueKind(field);
  if (required && isMissing(kind, value)) return { error: [fieldError(path, field, 'form/required', '为必填项', 'is required')] };
  if (isEmptyValue(kind, value)) return { value: undefined };
  const parsed = valueSchema(field, options).safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const finding = issueFinding(parsed.error.issues[0] as never);
  return { error: [fieldError(path, field, finding.code, finding.zh, finding.en)] };
}

function checkTable(path: string, table: TableField, value: unknown, required: boolean, visibility: Visibility, options: IdentifierOptions): EntryResult {
  if (required && isMissing('array', value)) return { error: [fieldError(path, table, 'form/required', '为必填项', 'is required')] };
  // An empty list is still a list: its row count is checked, as el-form's array rule checks it.
  if (value === undefined || value === null) return { value: undefined };
  if (!Array.isArray(value)) return { error: [fieldError(path, table, 'form/type', '类型错误，应为列表', 'wrong type, expected a list')] };
  const minRows = table.validate?.minRows ?? 0;
  const maxRows = table.validate?.maxRows ?? DEFAULT_LIMITS.tableMaxRows;
  if (value.length < minRows) return { error: [fieldError(path, table, 'form/min-rows', `至少 ${minRows} 行`, `at least ${minRows} rows`)] };
  if (value.length > maxRows) return { error: [fieldError(path, table, 'form/max-rows', `最多 ${maxRows} 行`, `at most ${maxRows} rows`)] };
  const errors: FieldError[] = [];
  const rows = value.map((row, index) => {
    const rowPath = `${path}.${index}`;
    if (!isPlainObject(row)) {
      errors.push(fieldError(rowPath, table, 'form/row', '每行应为对象', 'each row must be an object'));
      return undefined;
    }
    const columns = new Map(table.components.map((column) => [column.key, column]));
    for (const key of Object.keys(row)) {
      if (!columns.has(key)) errors.push(problem(`${rowPath}.${key}`, 'form/unknown-field', `表格没有列“${key}”`, `the table has no column "${key}"`));
    }
    const out: Record<string, unknown> = {};
    for (const column of table.components) {
      if (!visibility.isColumnVisible(column, row)) continue;
      const cell = checkValue(`${rowPath}.${column.key}`, column, row[column.key], column.validate?.required === true, options);
      if ('error' in cell) errors.push(...cell.error);
      else if (cell.value !== undefined) out[column.key] = cell.value;
    }
    return out;
  });
  return errors.length > 0 ? { error: errors } : { value: rows };
}

function fieldError(path: string, field: ColumnField | TableField, code: string, zh: string, en: string): FieldError {
  return problem(path, code, `${field.label}：${zh}`, `${field.labelEn}: ${en}`);
}

/** UTF-8 bytes of the JSON, or undefined for what JSON cannot hold (BigInt, cycles). */
function jsonSize(data: unknown): number | undefined {
  try {
    return utf8Length(JSON.stringify(data));
  } catch {
    return undefined;
  }
}

function refuse(errors: FieldError[]): SubmissionResult {
  return { ok: false, errors };
}
