import { readFileSync } from 'node:fs';
import { parseFormSchema, type FormSchema } from '../../src/index.js';

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** A fixture form, parsed; a fixture that does not parse fails the test that uses it. */
export function fixtureForm(name = 'company-registration.json'): FormSchema {
  const result = parseFormSchema(fixtureText(name));
  if (!result.ok) throw new Error(`fixture ${name} does not parse: ${JSON.stringify(result.problems)}`);
  return result.schema;
}

/** A minimal valid form around the given components. */
export function formWith(components: unknown[]): Record<string, unknown> {
  return { type: 'default', id: 'test-form', schemaVersion: 18, tbSchemaVersion: 1, title: '测试', titleEn: 'Test', components };
}

/** A submission the fixture accepts. */
export function validCompany(): Record<string, unknown> {
  return {
    company: {
      name: '北京同办示范科技有限公司',
      capital: 100.5,
      kind: 'llc',
      establishedOn: '2024-05-01',
      postcode: '100000',
      address: { region: '110105', detail: '朝阳路 1 号' },
      scopes: ['software'],
    },
    applicant: { citizenId: '44030519880808104x', mobile: '+86 138 0013 8000' },
    needsSeal: false,
    shareholders: [{ name: '陈静怡', citizenId: '44030519880808104X' }, { name: 'John Smith', foreign: true }],
    documents: { articles: { id: 'file-1', name: '章程.pdf', size: 2048, mediaType: 'application/pdf' } },
    commitment: true,
  };
}
