import { describe, expect, it } from 'vitest';
import { parseFormSchema, SCHEMA_LIMITS } from '../../src/index.js';
import { fixtureText, formWith } from '../support/fixtures.js';

const text = (key: string, extra: Record<string, unknown> = {}) => ({ type: 'textfield', key, label: '名称', labelEn: 'Name', ...extra });

function problemsOf(json: unknown) {
  const result = parseFormSchema(json);
  if (result.ok) throw new Error('expected the schema to be refused');
  for (const p of result.problems) {
    expect(p.message, p.code).not.toBe('');
    expect(p.messageEn, p.code).not.toBe('');
  }
  return result.problems.map(({ path, code }) => ({ path, code }));
}

describe('parseFormSchema', () => {
  it('given the fixture as JSON text, when parsed, then it is accepted with its fields', () => {
    const result = parseFormSchema(fixtureText('company-registration.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.schema.components).toHaveLength(15);
  });

  it('accepts a parsed value as well as text', () => {
    expect(parseFormSchema(formWith([text('a')])).ok).toBe(true);
  });

  it.each([
    ['text that is not JSON', '{"type": ', [{ path: '', code: 'schema/not-json' }]],
    ['a value that is not JSON', { toJSON: undefined, n: 10n }, [{ path: '', code: 'schema/not-json' }]],
    ['an unknown component type', formWith([{ type: 'slider', key: 'a', label: 'x', labelEn: 'x' }]), [{ path: 'components[0].type', code: 'schema/unknown-type' }]],
    ['FEEL that does not parse', formWith([text('a', { conditional: { hide: '=a >' } })]), [{ path: 'components[0].conditional.hide', code: 'schema/feel' }]],
    ['empty FEEL', formWith([text('a', { conditional: { hide: '=' } })]), [{ path: 'components[0].conditional.hide', code: 'schema/feel' }]],
    ['FEEL longer than 1 000 characters', formWith([text('a', { conditional: { hide: `=${'a + '.repeat(300)}a` } })]), [{ path: 'components[0].conditional.hide', code: 'schema/feel' }]],
    ['FEEL with too many brackets', formWith([text('a', { conditional: { hide: `=${'('.repeat(65)}1${')'.repeat(65)}` } })]), [{ path: 'components[0].conditional.hide', code: 'schema/feel' }]],
    ['a pattern longer than 200 characters', formWith([text('a', { validate: { pattern: 'a'.repeat(201) } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['a duplicate key', formWith([text('a.b'), text('a.b')]), [{ path: 'components[1].key', code: 'schema/duplicate-key' }]],
    ['keys where one contains the other', formWith([text('company'), text('company.name')]), [{ path: 'components[1].key', code: 'schema/key-conflict' }]],
    ['a key that is not a variable path', formWith([text('company name')]), [{ path: 'components[0].key', code: 'schema/key' }]],
    ['a reserved key segment', formWith([text('a.prototype')]), [{ path: 'components[0].key', code: 'schema/key' }]],
    ['an unknown property', formWith([text('a', { colour: 'red' })]), [{ path: 'components[0].colour', code: 'schema/unknown-property' }]],
    ['a missing English label', formWith([{ type: 'textfield', key: 'a', label: '名称' }]), [{ path: 'components[0].labelEn', code: 'schema/missing' }]],
    ['minLength above maxLength', formWith([text('a', { validate: { minLength: 5, maxLength: 2 } })]), [{ path: 'components[0].validate.minLength', code: 'schema/bounds' }]],
    ['min above max', formWith([{ type: 'number', key: 'n', label: '数', labelEn: 'N', validate: { min: 5, max: 1 } }]), [{ path: 'components[0].validate.min', code: 'schema/bounds' }]],
    ['a pattern that does not compile', formWith([text('a', { validate: { pattern: '(' } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['a nested repetition', formWith([text('a', { validate: { pattern: '(a+)+' } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['a repeated alternation', formWith([text('a', { validate: { pattern: '(a|aa)*' } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['a back-reference', formWith([text('a', { validate: { pattern: '(a)\\1' } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['a lookahead', formWith([text('a', { validate: { pattern: '(?=a)a' } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['too many unbounded repetitions', formWith([text('a', { validate: { pattern: '\\d*\\d*\\d*\\d*x' } })]), [{ path: 'components[0].validate.pattern', code: 'schema/pattern' }]],
    ['a pattern on a long field', formWith([text('a', { validate: { pattern: '\\d+', maxLength: 1000 } })]), [{ path: 'components[0].validate.maxLength', code: 'schema/pattern-length' }]],
    ['a duplicate option', formWith([{ type: 'select', key: 's', label: '选', labelEn: 'S', values: [{ label: '一', labelEn: 'One', value: '1' }, { label: '壹', labelEn: 'One', value: '1' }] }]), [{ path: 'components[0].values[1].value', code: 'schema/duplicate-option' }]],
    ['a dotted column key', formWith([{ type: 'dynamiclist', path: 't', label: '表', labelEn: 'T', components: [text('a.b')] }]), [{ path: 'components[0].components[0].key', code: 'schema/key' }]],
    ['a duplicate column key', formWith([{ type: 'dynamiclist', path: 't', label: '表', labelEn: 'T', components: [text('a'), text('a')] }]), [{ path: 'components[0].components[1].key', code: 'schema/duplicate-key' }]],
    ['a prefill binding in a column', formWith([{ type: 'dynamiclist', path: 't', label: '表', labelEn: 'T', components: [text('a', { prefill: { connector: 'population', field: 'name' } })] }]), [{ path: 'components[0].components[0].prefill', code: 'schema/prefill-in-table' }]],
    ['a read-only column', formWith([{ type: 'dynamiclist', path: 't', label: '表', labelEn: 'T', components: [text('a', { readonly: true })] }]), [{ path: 'components[0].components[0].readonly', code: 'schema/readonly-column' }]],
    ['a table inside a table', formWith([{ type: 'dynamiclist', path: 't', label: '表', labelEn: 'T', components: [{ type: 'dynamiclist', path: 'u', label: '表', labelEn: 'U', components: [text('a')] }] }]), [{ path: 'components[0].components[0].type', code: 'schema/unknown-type' }]],
    ['a bad prefill connector id', formWith([text('a', { prefill: { connector: 'Legal Entity', field: 'name' } })]), [{ path: 'components[0].prefill.connector', code: 'schema/format' }]],
    ['an unsupported schema version', { ...formWith([text('a')]), schemaVersion: 3 }, [{ path: 'schemaVersion', code: 'schema/too-small' }]],
    ['a form without fields', formWith([]), [{ path: 'components', code: 'schema/too-small' }]],
  ])('refuses %s, naming the path', (_name, json, expected) => {
    expect(problemsOf(json)).toEqual(expected);
  });

  it('refuses __proto__ and constructor keys written in the JSON text, each at its path', () => {
    const json = JSON.stringify(formWith([text('a')])).replace('"key":"a"', '"key":"a","__proto__":{"polluted":true},"constructor":1');
    expect(problemsOf(json)).toEqual([
      { path: 'components[0].__proto__', code: 'schema/forbidden-key' },
      { path: 'components[0].constructor', code: 'schema/forbidden-key' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports every problem of a document at once', () => {
    const json = formWith([text('a', { conditional: { hide: '=(' } }), text('a'), { type: 'mystery' }]);
    expect(problemsOf(json).map((p) => p.code).sort()).toEqual(['schema/duplicate-key', 'schema/feel', 'schema/unknown-type']);
  });

  it('refuses a document larger than the limit before reading it', () => {
    const big = JSON.stringify(formWith([text('a', { description: 'x'.repeat(SCHEMA_LIMITS.maxBytes) })]));
    expect(problemsOf(big)).toEqual([{ path: '', code: 'schema/too-large' }]);
  });

  it('refuses more components than the limit', () => {
    const many = Array.from({ length: SCHEMA_LIMITS.maxComponents + 1 }, (_, i) => text(`f${i}`));
    expect(problemsOf(formWith(many))).toEqual([{ path: 'components', code: 'schema/too-many-components' }]);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const json = JSON.stringify(formWith([text('a', { properties: '@' })])).replace('"@"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const problems = problemsOf(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('schema/too-deep');
    expect(problems[0]?.path).toMatch(/^components\[0\]\.properties(\[0\])+$/);
  });

  it('refuses a form whose conditions could cost the server too much on one submission', () => {
    const column = (key: string) => text(key, { conditional: { hide: '=this.x = 1' } });
    const table = { type: 'dynamiclist', path: 't', label: '表', labelEn: 'T', validate: { maxRows: 300 }, components: [column('a'), column('b')] };
    expect(problemsOf(formWith([table]))).toEqual([{ path: 'components', code: 'schema/too-many-conditions' }]);
    expect(parseFormSchema(formWith([{ ...table, validate: { maxRows: 250 } }])).ok).toBe(true);
  });

  it('refuses absurd nesting in a parsed value too', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(problemsOf(formWith([text('a', { properties: deep })])).map((p) => p.code)).toEqual(['schema/too-deep']);
  });

  it('refuses groups nested past the limit', () => {
    let component: unknown = text('a');
    for (let i = 0; i <= SCHEMA_LIMITS.maxGroupDepth; i++) component = { type: 'group', components: [component] };
    expect(problemsOf(formWith([component])).map((p) => p.code)).toContain('schema/too-deep');
  });

  it('accepts the safe pattern shapes: optional groups, non-capturing groups, classes', () => {
    for (const pattern of ['\\d{6}', '(-\\d{4})?', '(?:ab)+', '[A-Z(+*]{2,4}', '1[3-9]\\d{9}']) {
      expect(parseFormSchema(formWith([text('a', { validate: { pattern } })])).ok, pattern).toBe(true);
    }
  });
});
