import { describe, expect, it } from 'vitest';
import { checkForm } from '../../src/index.js';
import { fixtureText, formWith } from '../support/fixtures.js';

const connector = JSON.parse(fixtureText('connectors/legal-entity.json')) as Record<string, unknown>;
const connectors = [{ file: 'legal-entity.json', json: connector }];
const form = { file: 'form.json', json: JSON.parse(fixtureText('company-registration.json')) };

const bound = (type: string, field: string, extra: Record<string, unknown> = {}) =>
  ({ file: 'form.json', json: formWith([{ type, key: 'a', label: '甲', labelEn: 'A', prefill: { connector: 'legal-entity', field }, ...extra }]) });

const codes = (problems: { file: string; path: string; code: string }[]) => problems.map(({ file, path, code }) => ({ file, path, code }));

describe('checkForm', () => {
  it('given a form whose bindings name declared fields of the right type, then there is no problem', () => {
    expect(checkForm(form, connectors)).toEqual([]);
  });

  it('reports a binding to a connector that does not exist', () => {
    expect(codes(checkForm(form, []))).toEqual([
      { file: 'form.json', path: 'components[0].prefill.connector', code: 'binding/unknown-connector' },
      { file: 'form.json', path: 'components[1].prefill.connector', code: 'binding/unknown-connector' },
    ]);
  });

  it('reports a field the connector does not declare', () => {
    expect(codes(checkForm(bound('textfield', 'nmae'), connectors))).toEqual([{ file: 'form.json', path: 'components[0].prefill.field', code: 'binding/unknown-field' }]);
  });

  it('reports a field whose type cannot fill the input', () => {
    expect(codes(checkForm(bound('number', 'name'), connectors))).toEqual([{ file: 'form.json', path: 'components[0].prefill.field', code: 'binding/type' }]);
    expect(codes(checkForm(bound('datetime', 'establishedOn', { subtype: 'date' }), connectors))).toEqual([]);
    expect(codes(checkForm(bound('textfield', 'creditCode'), connectors))).toEqual([]);
  });

  it('does not look a binding up through the prototype chain', () => {
    expect(codes(checkForm(bound('textfield', 'toString'), connectors))).toEqual([{ file: 'form.json', path: 'components[0].prefill.field', code: 'binding/unknown-field' }]);
  });

  it('reports a bad connector declaration in its own file, and a connector declared twice', () => {
    const broken = { file: 'broken.json', json: { ...connector, id: 'other', timeoutMs: 999_999 } };
    const twice = { file: 'again.json', json: connector };
    expect(codes(checkForm(form, [...connectors, broken, twice]))).toEqual([
      { file: 'broken.json', path: 'timeoutMs', code: 'too_big' },
      { file: 'again.json', path: 'id', code: 'binding/duplicate-connector' },
    ]);
  });

  it('checks connector origins against an allow-list when one is given', () => {
    expect(codes(checkForm(form, connectors, { allowedOrigins: ['https://exchange.gov.example'] }))).toContainEqual({ file: 'legal-entity.json', path: 'url', code: 'connector/url' });
  });

  it('reports the form\'s own problems with its file name', () => {
    expect(codes(checkForm({ file: 'bad.json', json: '{' }, connectors))).toEqual([{ file: 'bad.json', path: '', code: 'schema/not-json' }]);
  });
});
