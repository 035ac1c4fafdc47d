/**
 * Checks of a filled-in value that both sides run with the same code: the
 * server inside the zod schema built from the form, the browser inside
 * el-form's custom validators. Each returns undefined when the value is
 * fine, or why it is not.
 */
import { validateCitizenId, validateCreditCode, validateMobile } from '@tongban/connectors/identifiers';
import type { ColumnField } from '../schema/components.js';
import { DEFAULT_LIMITS } from '../schema/limits.js';

export type Finding = { code: string; zh: string; en: string };

export type Field<T extends ColumnField['type']> = Extract<ColumnField, { type: T }>;

export function checkDate(value: string): Finding | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (match && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return undefined;
  return { code: 'form/date', zh: '应为有效日期（YYYY-MM-DD）', en: 'must be a real date (YYYY-MM-DD)' };
}

export function checkOption(field: Field<'select' | 'radio'>, value: string): Finding | undefined {
  if (field.values.some((option) => option.value === value)) return undefined;
  return { code: 'form/option', zh: '不是可选的选项', en: 'is not one of the options' };
}

export function checkChecklist(field: Field<'checklist'>, value: readonly unknown[]): Finding | undefined {
  const allowed = new Set(field.values.map((option) => option.value));
  if (value.some((item) => typeof item !== 'string' || !allowed.has(item))) {
    return { code: 'form/option', zh: '含有不可选的选项', en: 'holds a value that is not one of the options' };
  }
  if (new Set(value).size !== value.length) return { code: 'form/option-repeated', zh: '选项重复', en: 'holds an option twice' };
  return undefined;
}

export function checkDecimalDigits(field: Field<'number'>, value: number): Finding | undefined {
  if (field.decimalDigits === undefined) return undefined;
  const scaled = value * 10 ** field.decimalDigits;
  // Decimal fractions are inexact in binary: 0.1 * 10 is 1.0000000000000002, not a fourth digit.
  if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return undefined;
  return field.decimalDigits === 0
    ? { code: 'form/integer', zh: '应为整数', en: 'must be a whole number' }
    : { code: 'form/decimal-digits', zh: `最多 ${field.decimalDigits} 位小数`, en: `at most ${field.decimalDigits} decimal places` };
}

export type IdentifierOptions = { today?: string | Date };

/** The normalised identifier, or why it is not one; the validators are the connectors' (GB 11643, GB 32100). */
export function checkIdentifier(type: 'citizenId' | 'creditCode' | 'mobile', value: string, options: IdentifierOptions = {}): { ok: true; value: string } | { ok: false; finding: Finding } {
  const result = type === 'citizenId' ? validateCitizenId(value, options) : type === 'creditCode' ? validateCreditCode(value) : validateMobile(value);
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, finding: { code: result.code, zh: result.message, en: result.messageEn } };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;
// No path separators or control characters: the name is shown and used as a download name.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const FILE_NAME = /^[^/\\\u0000-\u001f\u007f]{1,255}$/u;

/** A file reference: `{ id, name, size, mediaType? }` pointing at a file already in the file store. */
export function checkFile(field: Field<'filepicker'>, value: unknown): Finding | undefined {
  if (!isPlainObject(value) || Object.keys(value).some((key) => !['id', 'name', 'size', 'mediaType'].includes(key))) {
    return { code: 'form/file', zh: '应为文件引用 { id, name, size }', en: 'must be a file reference { id, name, size }' };
  }
  const { id, name, size, mediaType } = value;
  if (typeof id !== 'string' || !FILE_ID.test(id) || typeof name !== 'string' || !FILE_NAME.test(name) || typeof size !== 'number' || !Number.isInteger(size) || size < 0
    || (mediaType !== undefined && (typeof mediaType !== 'string' || !/^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(mediaType)))) {
    return { code: 'form/file', zh: '文件引用无效', en: 'the file reference is invalid' };
  }
  const maxSize = field.maxSize ?? DEFAULT_LIMITS.fileMaxBytes;
  if (size > maxSize) return { code: 'form/file-size', zh: `文件不能超过 ${maxSize} 字节`, en: `a file may not exceed ${maxSize} bytes` };
  if (field.accept !== undefined) {
    const allowed = field.accept.split(',').map((ext) => ext.trim().toLowerCase());
    if (!allowed.some((ext) => name.toLowerCase().endsWith(ext))) {
      return { code: 'form/file-type', zh: `文件类型应为 ${allowed.join('、')}`, en: `the file type must be ${allowed.join(', ')}` };
    }
  }
  return undefined;
}

export function checkFiles(field: Field<'filepicker'>, value: readonly unknown[]): Finding | undefined {
  const maxFiles = field.maxFiles ?? DEFAULT_LIMITS.files;
  if (value.length > maxFiles) return { code: 'form/too-many-files', zh: `最多 ${maxFiles} 个文件`, en: `at most ${maxFiles} files` };
  for (const item of value) {
    const finding = checkFile(field, item);
    if (finding) return finding;
  }
  return undefined;
}

/** An address: `{ region?, detail }`, region a 6-digit 行政区划代码 (GB/T 2260), detail the street address. */
export function checkAddress(field: Field<'address'>, value: unknown): Finding | undefined {
  if (!isPlainObject(value) || Object.keys(value).some((key) => key !== 'region' && key !== 'detail') || typeof value.detail !== 'string') {
    return { code: 'form/address', zh: '应为地址 { region, detail }', en: 'must be an address { region, detail }' };
  }
  if (value.region !== undefined && (typeof value.region !== 'string' || !/^\d{6}$/.test(value.region))) {
    return { code: 'form/address-region', zh: '行政区划代码应为 6 位数字', en: 'the region must be a 6-digit division code' };
  }
  if (/^\s*$/.test(value.detail)) return { code: 'form/address-detail', zh: '详细地址不能为空', en: 'the street address is empty' };
  const max = field.validate?.maxLength ?? DEFAULT_LIMITS.addressMaxLength;
  if (Array.from(value.detail).length > max) return { code: 'form/max-length', zh: `详细地址最多 ${max} 个字符`, en: `the street address has at most ${max} characters` };
  return undefined;
}
