import { describe, expect, it } from 'vitest';
import { parseFormSchema, validateSubmission, type FormSchema, type ValidateSubmissionOptions } from '../../src/index.js';
import { VALUE_CASES, type Data } from '../support/cases.js';
import { fixtureForm, formWith, validCompany } from '../support/fixtures.js';

const form = fixtureForm();
const TODAY = { today: '2026-11-24' };

function errorsOf(data: unknown, options: ValidateSubmissionOptions = {}, schema: FormSchema = form) {
  const result = validateSubmission(schema, data, { ...TODAY, ...options });
  if (result.ok) throw new Error('expected the submission to be refused');
  for (const error of result.errors) {
    expect(error.message).not.toBe('');
    expect(error.messageEn).not.toBe('');
  }
  return result.errors.map(({ path, code }) => ({ path, code }));
}

function withCompany(patch: (data: Data) => void): Record<string, unknown> {
  const data = validCompany() as Data;
  patch(data);
  return data;
}

function one(components: unknown[]): FormSchema {
  const result = parseFormSchema(formWith(components));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.schema;
}

describe('validateSubmission', () => {
  it('given a valid submission, then it returns the values with identifiers normalised', () => {
    const result = validateSubmission(form, validCompany(), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const values = result.values as Data;
    expect(values.applicant).toEqual({ citizenId: '44030519880808104X', mobile: '13800138000' });
    expect(values.company.name).toBe('北京同办示范科技有限公司');
    expect(values.shareholders).toEqual([{ name: '陈静怡', citizenId: '44030519880808104X' }, { name: 'John Smith', foreign: true }]);
    expect(values.commitment).toBe(true);
  });

  it('changes nothing in the submission, whether it passes or fails', () => {
    for (const data of [validCompany(), withCompany((d) => { d.applicant.citizenId = 'bad'; d.extra = 1; })]) {
      const before = structuredClone(data);
      validateSubmission(form, data, TODAY);
      expect(data).toEqual(before);
    }
  });

  it.each(VALUE_CASES)('refuses %s, at the field', (_name, patch, expected) => {
    expect(errorsOf(withCompany(patch))).toEqual(expected);
  });

  it('refuses unknown fields one by one', () => {
    const data = withCompany((d) => {
      d.extra = 1;
      d.company.colour = 'red';
      d.applicant.nickname = 'x';
    });
    expect(errorsOf(data)).toEqual([
      { path: 'company.colour', code: 'form/unknown-field' },
      { path: 'applicant.nickname', code: 'form/unknown-field' },
      { path: 'extra', code: 'form/unknown-field' },
    ]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, and nothing is polluted', () => {
    const text = JSON.stringify(validCompany()).replace('"company":{', '"company":{"__proto__":{"polluted":1},"constructor":{"prototype":{}},');
    const data = JSON.parse(text);
    expect(errorsOf(data)).toEqual([
      { path: 'company.__proto__', code: 'form/forbidden-key' },
      { path: 'company.constructor', code: 'form/forbidden-key' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorsOf(withCompany((d) => (d.shareholders[0] = JSON.parse('{"name":"甲","prototype":1}'))))).toEqual([
      { path: 'shareholders.0.prototype', code: 'form/forbidden-key' },
    ]);
  });

  it('refuses an oversized submission before looking inside', () => {
    expect(errorsOf(withCompany((d) => (d.company.name = 'x'.repeat(2_000_000))))).toEqual([{ path: '', code: 'form/too-large' }]);
    expect(errorsOf(validCompany(), { maxBytes: 100 })).toEqual([{ path: '', code: 'form/too-large' }]);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    const errors = errorsOf({ extra: deep });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('form/too-deep');
  });

  it('refuses more files than a multiple file field takes, and fractions in a whole-number field', () => {
    const schema = one([
      { type: 'filepicker', key: 'files', label: '附件', labelEn: 'Files', multiple: true, maxFiles: 2 },
      { type: 'number', key: 'count', label: '人数', labelEn: 'Count', decimalDigits: 0 },
    ]);
    const file = { id: 'f', name: 'a.pdf', size: 1 };
    expect(errorsOf({ files: [file, file, file], count: 1.5 }, {}, schema)).toEqual([
      { path: 'files', code: 'form/too-many-files' },
      { path: 'count', code: 'form/integer' },
    ]);
    expect(validateSubmission(schema, { files: [file, file], count: 0.1 * 30 }).ok).toBe(true);
  });

  it('refuses a submission that is not an object', () => {
    for (const data of [null, [], 'x', 3]) expect(errorsOf(data)).toEqual([{ path: '', code: 'form/not-object' }]);
    expect(errorsOf({ extra: 10n })).toEqual([{ path: '', code: 'form/not-json' }]);
  });

  describe('conditional visibility', () => {
    it('requires a field in a shown group', () => {
      expect(errorsOf(withCompany((d) => (d.needsSeal = true)))).toEqual([{ path: 'seal.count', code: 'form/required' }]);
    });

    it('does not require a field in a hidden group, and drops its value unvalidated', () => {
      const result = validateSubmission(form, withCompany((d) => (d.seal = { count: 'not-an-option', note: 5 })), TODAY);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.values.seal).toBeUndefined();
    });

    it('hides a column per row through `this`', () => {
      const result = validateSubmission(form, withCompany((d) => (d.shareholders = [{ name: 'A', foreign: true, citizenId: 'junk' }])), TODAY);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.values.shareholders).toEqual([{ name: 'A', foreign: true }]);
    });

    it('reads process variables from the context', () => {
      const schema = one([
        { type: 'textfield', key: 'reason', label: '理由', labelEn: 'Reason', validate: { required: true }, conditional: { hide: '=applicant.age >= 18' } },
      ]);
      expect(validateSubmission(schema, {}, { context: { applicant: { age: 30 } } }).ok).toBe(true);
      expect(errorsOf({}, { context: { applicant: { age: 12 } } }, schema)).toEqual([{ path: 'reason', code: 'form/required' }]);
    });

    it('shows a field whose condition fails to evaluate', () => {
      const schema = one([{ type: 'textfield', key: 'a', label: '甲', labelEn: 'A', validate: { required: true }, conditional: { hide: '=missing.deep > 3' } }]);
      expect(errorsOf({}, {}, schema)).toEqual([{ path: 'a', code: 'form/required' }]);
    });
  });

  describe('task permissions', () => {
    it('refuses a value for a read-only field, including one read-only in the schema', () => {
      expect(errorsOf(withCompany((d) => (d.company.uscc = '91110108123456788E')))).toEqual([{ path: 'company.uscc', code: 'form/not-writable' }]);
      expect(errorsOf(validCompany(), { permissions: { 'company.name': 'readonly' } })).toEqual([{ path: 'company.name', code: 'form/not-writable' }]);
    });

    it('refuses a value for a field hidden from the task, even null', () => {
      expect(errorsOf(withCompany((d) => (d.company.kind = null)), { permissions: { 'company.kind': 'hidden' } })).toEqual([{ path: 'company.kind', code: 'form/not-writable' }]);
    });

    it('does not require fields the task may not write', () => {
      const data = withCompany((d) => delete d.company.name);
      expect(validateSubmission(form, data, { ...TODAY, permissions: { 'company.name': 'readonly' } }).ok).toBe(true);
    });

    it('requires what the task requires', () => {
      expect(errorsOf(withCompany((d) => delete d.applicant.mobile), { permissions: { 'applicant.mobile': 'required' } })).toEqual([{ path: 'applicant.mobile', code: 'form/required' }]);
      const result = validateSubmission(form, withCompany((d) => (d.company.uscc = '91110108123456788e')), { ...TODAY, permissions: { 'company.uscc': 'editable' } });
      expect(result.ok && (result.values.company as Record<string, unknown>).uscc).toBe('91110108123456788E');
    });

    it('throws on permissions that name no field: a misconfigured task, not a bad submission', () => {
      expect(() => validateSubmission(form, validCompany(), { permissions: { 'company.nmae': 'readonly' } })).toThrow(/company\.nmae/);
    });
  });

  it('checks the row count of an empty list in an optional table, as el-form does', () => {
    const schema = one([{ type: 'dynamiclist', path: 'rows', label: '行', labelEn: 'Rows', validate: { minRows: 1 }, components: [{ type: 'checkbox', key: 'x', label: '甲', labelEn: 'X' }] }]);
    expect(errorsOf({ rows: [] }, {}, schema)).toEqual([{ path: 'rows', code: 'form/min-rows' }]);
    expect(validateSubmission(schema, {}).ok).toBe(true);
  });

  it('drops empty optional values and keeps false', () => {
    const result = validateSubmission(form, withCompany((d) => {
      d.applicant.mobile = '';
      d.company.scopes = [];
      d.company.establishedOn = null;
    }), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values.applicant).toEqual({ citizenId: '44030519880808104X' });
    expect(result.values.needsSeal).toBe(false);
  });

  it('words each error with the field label in both languages', () => {
    const result = validateSubmission(form, withCompany((d) => delete d.company.name), TODAY);
    expect(result).toEqual({ ok: false, errors: [{ path: 'company.name', code: 'form/required', message: '企业名称：为必填项', messageEn: 'Company name: is required' }] });
  });
});
