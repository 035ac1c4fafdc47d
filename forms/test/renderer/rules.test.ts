import { describe, expect, it } from 'vitest';
import { toRendererRules, validateSubmission } from '../../src/index.js';
import { SERVER_ONLY, VALUE_CASES, type Data } from '../support/cases.js';
import { fixtureForm, validCompany } from '../support/fixtures.js';
import { runRenderer } from '../support/renderer.js';

const form = fixtureForm();
const TODAY = '2026-11-24';

function model(patch: (data: Data) => unknown = () => undefined): Record<string, unknown> {
  const data = validCompany();
  patch(data);
  return data;
}

describe('toRendererRules, run the way el-form runs them', () => {
  it('accepts the valid model, as the server does', async () => {
    const run = await runRenderer(form, model(), { today: TODAY });
    expect(run.errors).toEqual([]);
    expect(validateSubmission(form, run.submission, { today: TODAY }).ok).toBe(true);
  });

  it.each(VALUE_CASES.filter(([name]) => !SERVER_ONLY.has(name)))('refuses %s at the same path as the server', async (_name, patch, expected) => {
    const run = await runRenderer(form, model(patch), { today: TODAY });
    expect(run.ok).toBe(false);
    const rowCase = expected[0]?.code === 'form/row';
    expect(run.errors.map((error) => error.path)).toContain(rowCase ? 'shareholders' : expected[0]?.path);
  });

  it('gives el-form plain rule objects: required, type, length, pattern, and validators for the rest', () => {
    const { fields, columns } = toRendererRules(form);
    expect(fields['company.name']).toEqual([
      { required: true, type: 'string', whitespace: true, message: '企业名称：为必填项', trigger: 'blur' },
      { type: 'string', message: '企业名称：类型错误', trigger: 'blur' },
      { type: 'string', min: 2, message: '企业名称：至少 2 个字符', trigger: 'blur' },
      { type: 'string', max: 50, message: '企业名称：最多 50 个字符', trigger: 'blur' },
    ]);
    expect(fields['company.postcode']?.[2]).toMatchObject({ type: 'string', pattern: /^(?:\d{6})$/u, message: '邮政编码：邮政编码为 6 位数字' });
    expect(fields['company.capital']).toContainEqual({ type: 'number', min: 0, message: '注册资本（万元）：不能小于 0', trigger: 'blur' });
    expect(typeof fields['applicant.citizenId']?.at(-1)?.validator).toBe('function');
    expect(fields.shareholders?.[0]).toEqual({ required: true, type: 'array', message: '股东：为必填项', trigger: 'change' });
    expect(Object.keys(columns.shareholders ?? {})).toEqual(['name', 'citizenId', 'foreign']);
  });

  it('words messages in English on request', () => {
    expect(toRendererRules(form, { lang: 'en' }).fields['company.name']?.[0]?.message).toBe('Company name: is required');
  });

  it('gives no rules to fields the task may not write, and required rules to fields it must', () => {
    const { fields } = toRendererRules(form, { permissions: { 'company.name': 'readonly', 'company.kind': 'hidden', 'applicant.mobile': 'required' } });
    expect(fields['company.name']).toBeUndefined();
    expect(fields['company.kind']).toBeUndefined();
    expect(fields['company.uscc']).toBeUndefined(); // read-only in the schema
    expect(fields['applicant.mobile']?.[0]).toMatchObject({ required: true });
  });

  it('does not validate fields a condition hides, and validates them once shown', async () => {
    expect((await runRenderer(form, model((d) => (d.seal = { count: 'nope' })), { today: TODAY })).ok).toBe(true);
    const shown = await runRenderer(form, model((d) => Object.assign(d, { needsSeal: true, seal: { count: 'nope' } })), { today: TODAY });
    expect(shown.errors).toEqual([{ path: 'seal.count', message: '公章数量：不是可选的选项' }]);
  });

  it('leaves read-only fields out of the submission and keeps hidden fields in it', async () => {
    const run = await runRenderer(form, model((d) => Object.assign(d, { seal: { note: '留着' } }, { company: { ...d.company, uscc: '91110108123456788E' } })), { today: TODAY });
    expect((run.submission.company as Record<string, unknown>).uscc).toBeUndefined();
    expect(run.submission.seal).toEqual({ note: '留着' });
  });

  it('requires a ticked box for a required checkbox or commitment', async () => {
    const run = await runRenderer(form, model((d) => (d.commitment = false)), { today: TODAY });
    expect(run.errors).toEqual([{ path: 'commitment', message: '告知承诺：为必填项' }]);
  });
});
