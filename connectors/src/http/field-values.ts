/**
 * Validation of one extracted value by its declared type. Identifier types
 * go through the identifiers module, so a prefilled 公民身份号码 is held to
 * the same check digit rules as one a citizen types. A value that fails is
 * reported, never thrown and never echoed (it may be personal data).
 */
import { validateCitizenId } from '../identifiers/citizen-id.js';
import { validateCreditCode } from '../identifiers/credit-code.js';
import { validateMobile } from '../identifiers/mobile.js';
import type { FieldType } from '../model/schema.js';

export type FieldValue = string | number | boolean;

export type FieldCheck = { ok: true; value: FieldValue } | { ok: false; code: string; message: string; messageEn: string };

const wrongType = (type: FieldType): FieldCheck => ({
  ok: false,
  code: 'field/type',
  message: `返回值不是有效的${TYPE_NAMES[type]}`,
  messageEn: `the returned value is not a valid ${type}`,
});

const TYPE_NAMES: Record<FieldType, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否值',
  date: '日期',
  citizenId: '公民身份号码',
  creditCode: '统一社会信用代码',
  mobile: '手机号码',
};

/** YYYY-MM-DD, YYYYMMDD (common in department systems) or an ISO date-time; a real calendar date. */
function normaliseDate(raw: string): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(raw.trim());
  if (!match) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso = `${y}-${m}-${d}`;
  return date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export function checkFieldValue(type: FieldType, raw: unknown, today: Date): FieldCheck {
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? { ok: true, value: raw } : wrongType(type);
    case 'number': {
      // Many department APIs send numbers as strings; accept plain decimals only.
      const value = typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : wrongType(type);
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      return raw === 'true' || raw === 'false' ? { ok: true, value: raw === 'true' } : wrongType(type);
    case 'date': {
      const value = typeof raw === 'string' ? normaliseDate(raw) : undefined;
      return value === undefined ? wrongType(type) : { ok: true, value };
    }
    case 'citizenId':
    case 'creditCode':
    case 'mobile': {
      if (typeof raw !== 'string') return wrongType(type);
      const result =
        type === 'citizenId' ? validateCitizenId(raw, { today }) : type === 'creditCode' ? validateCreditCode(raw) : validateMobile(raw);
      return result.ok
        ? { ok: true, value: result.value }
        : { ok: false, code: result.code, message: result.message, messageEn: result.messageEn };
    }
  }
}
