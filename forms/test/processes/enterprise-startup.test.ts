/**
 * The forms of processes/enterprise-startup: each is a valid form whose
 * bindings fit the connector declarations in processes/connectors, agrees
 * with the diagram's tb:prefill mappings, and takes realistic input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkForm, listFields, parseFormSchema, validateSubmission, type FormSchema } from '../../src/index.js';

const processDir = new URL('../../../processes/enterprise-startup/', import.meta.url);
const formsDir = new URL('forms/', processDir);
const connectorsDir = new URL('../../../processes/connectors/', import.meta.url);
const read = (base: URL, name: string) => ({ file: name, json: JSON.parse(readFileSync(new URL(name, base), 'utf8')) as unknown });
const connectors = readdirSync(connectorsDir).filter((name) => name.endsWith('.json')).map((name) => read(connectorsDir, name));
const names = readdirSync(formsDir).filter((name) => name.endsWith('.json')).sort();
const TODAY = { today: '2026-11-24' };

function schema(name: string): FormSchema {
  const parsed = parseFormSchema(read(formsDir, name).json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.schema;
}

/** `tb:form` keys of the diagram, each with its `tb:prefill` mappings as `connector.field → variable`. */
function diagramForms(): Map<string, Map<string, string>> {
  const xml = readFileSync(new URL('process.bpmn', processDir), 'utf8');
  const forms = new Map<string, Map<string, string>>();
  for (const element of xml.matchAll(/<bpmn:(startEvent|userTask)\b[^>]*\btb:form="([^"]+)"[^>]*>([\s\S]*?)<\/bpmn:\1>/g)) {
    const mappings = new Map<string, string>();
    for (const prefill of (element[3] ?? '').matchAll(/<tb:prefill\b[^>]*\bconnector="([^"]+)"[^>]*\bfields="([^"]+)"/g)) {
      for (const pair of (prefill[2] ?? '').split(',')) {
        const [field, variable] = pair.split(':').map((part) => part.trim());
        mappings.set(`${prefill[1]}.${field}`, variable ?? '');
      }
    }
    forms.set(element[2] ?? '', mappings);
  }
  return forms;
}

describe('processes/enterprise-startup/forms', () => {
  it('holds the start form and one form per department task', () => {
    expect(names).toEqual(['delivery.json', 'housing-fund.json', 'market-registration.json', 'medical-insurance.json', 'open-company-apply.json', 'seal-filing.json', 'social-insurance.json', 'tax-registration.json']);
  });

  it.each(names)('%s is valid, named after its id, with bindings the connectors declare', (name) => {
    expect(checkForm(read(formsDir, name), connectors)).toEqual([]);
    expect(`${schema(name).id}.json`).toBe(name);
  });

  it('has a form for every tb:form of the diagram, binding the fields its tb:prefill fills', () => {
    const forms = diagramForms();
    expect(forms.size).toBeGreaterThan(0);
    for (const [key, mappings] of forms) {
      expect(names).toContain(`${key}.json`);
      const bound = new Map(listFields(schema(`${key}.json`)).flatMap(({ key: variable, field }) =>
        field.type !== 'dynamiclist' && field.prefill ? [[`${field.prefill.connector}.${field.prefill.field}`, variable] as const] : []));
      expect(bound).toEqual(mappings);
    }
  });

  it('the start form takes an application for a company with a personal and a corporate shareholder', () => {
    const application = {
      applicant: { citizenId: '110105200001011238', name: '王小明', sex: 'male', mobile: '13800138000', address: '北京市朝阳区', insured: true, insuranceCity: '上海市' },
      company: { name: '北京同办新创科技有限公司', kind: 'llc', capital: 100, domicile: { region: '110105', detail: '朝阳路 1 号' }, businessScope: '软件开发', staffCount: 3 },
      shareholders: [
        { name: '王小明', citizenId: '110105200001011238', share: 60 },
        { name: '北京同办示范科技有限公司', organisation: true, creditCode: '91110108123456788E', share: 40 },
      ],
      seal: { needed: true, kinds: ['company', 'finance'] },
      tax: { invoiceNeeded: false },
      documents: { articles: { id: 'upload-1', name: '章程.pdf', size: 52_000 } },
      commitment: true,
    };
    expect(validateSubmission(schema('open-company-apply.json'), application, TODAY)).toMatchObject({ ok: true });
    const withoutSeals = { ...application, seal: { needed: true } };
    expect(validateSubmission(schema('open-company-apply.json'), withoutSeals, TODAY)).toMatchObject({ ok: false, errors: [{ path: 'seal.kinds', code: 'form/required' }] });
  });

  it('a department form refuses what the front desk filled in, and takes its own decision', () => {
    const form = schema('market-registration.json');
    const own = { company: { creditCode: '91110108123456788E', establishedOn: '2026-11-24' }, market: { decision: 'approve' } };
    expect(validateSubmission(form, own, TODAY)).toMatchObject({ ok: true });
    expect(validateSubmission(form, { ...own, company: { ...own.company, name: '改名' } }, TODAY)).toMatchObject({ ok: false, errors: [{ path: 'company.name', code: 'form/not-writable' }] });
  });
});
