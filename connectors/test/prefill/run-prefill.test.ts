import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConnectorClient, DEFAULT_API_KEY, parsePrefillBinding, runPrefill, startDemoExchange,
  type DemoExchange, type PrefillBinding,
} from '../../src/index.js';
import { demoConnectors } from './demo-connectors.js';

const WANG = '110105200001011238';
const COMPANY = '91110108123456788E';

let exchange: DemoExchange;
beforeAll(async () => {
  exchange = await startDemoExchange({ hangMs: 5_000 });
});
afterAll(() => exchange.close());

function client(adjust?: (raw: Record<string, unknown>) => Record<string, unknown>) {
  return createConnectorClient({
    connectors: demoConnectors(exchange.url, adjust),
    allowedOrigins: [exchange.url],
    secrets: (name) => (name === 'demo-exchange-api-key' ? DEFAULT_API_KEY : undefined),
  });
}

function binding(connector: string, input: string, fields?: string): PrefillBinding {
  const parsed = parsePrefillBinding(fields === undefined ? { connector, input } : { connector, input, fields });
  if (!parsed.ok) throw new Error(parsed.problem.messageEn);
  return parsed.binding;
}

const START_FORM = [
  binding('population', 'citizenId=${applicant.citizenId}', 'name:applicant.name,mobile:applicant.mobile,householdAddress:applicant.address'),
  binding('legal-entity', 'creditCode=${company.creditCode}', 'name:company.name,registeredAddress:company.address,legalRepresentativeName:company.legalRepresentative'),
];
const ANSWERED = { applicant: { citizenId: WANG }, company: { creditCode: COMPANY } };

describe('prefill from the demo exchange', () => {
  it('fills every bound field with its source, time and correlation id', async () => {
    const outcome = await runPrefill(client(), START_FORM, ANSWERED, { deadlineMs: 3_000 });

    expect(outcome.failures).toEqual([]);
    expect(outcome.values.map((v) => v.path).sort()).toEqual([
      'applicant.address', 'applicant.mobile', 'applicant.name', 'company.address', 'company.legalRepresentative', 'company.name',
    ]);
    const name = outcome.values.find((v) => v.path === 'applicant.name');
    expect(name).toMatchObject({ value: '王小明', connectorId: 'population', field: 'name', personal: true, fromCache: false });
    expect(name?.source.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(name?.source.at ?? '')).not.toBeNaN();
    expect(outcome.values.find((v) => v.path === 'company.address')?.personal).toBe(false);
  });

  it('without a field mapping, every declared field the source returned fills a variable of its own name', async () => {
    const outcome = await runPrefill(client(), [binding('population', 'citizenId=${id}')], { id: WANG }, { deadlineMs: 3_000 });
    expect(outcome.values.map((v) => v.path).sort()).toEqual(['birthDate', 'citizenId', 'ethnicity', 'householdAddress', 'mobile', 'name', 'sex']);
  });

  it('lists a source that is down and keeps what the others returned', async () => {
    const failing = client((raw) => raw.id === 'legal-entity'
      ? { ...raw, headers: { ...(raw.headers as object), 'X-Demo-Fail': { value: '500' } }, retries: { max: 0, backoffMs: 0 } }
      : raw);

    const outcome = await runPrefill(failing, START_FORM, ANSWERED, { deadlineMs: 3_000 });

    expect(outcome.values.map((v) => v.connectorId)).toEqual(['population', 'population', 'population']);
    expect(outcome.failures).toEqual([expect.objectContaining({
      connectorId: 'legal-entity', code: 'connector/http-server-error',
      paths: ['company.name', 'company.address', 'company.legalRepresentative'],
    })]);
  });

  it('answers by the form deadline even when a source is slower than it', async () => {
    const slow = client((raw) => raw.id === 'legal-entity'
      ? { ...raw, headers: { ...(raw.headers as object), 'X-Demo-Fail': { value: 'timeout' } }, timeoutMs: 10_000, retries: { max: 0, backoffMs: 0 } }
      : raw);

    const outcome = await runPrefill(slow, START_FORM, ANSWERED, { deadlineMs: 400 });

    expect(outcome.values.filter((v) => v.connectorId === 'population')).toHaveLength(3);
    expect(outcome.failures).toEqual([expect.objectContaining({ connectorId: 'legal-entity', code: 'prefill/deadline' })]);
  });

  it('does not call a source whose input the form does not have yet, and says which value is needed', async () => {
    const outcome = await runPrefill(client(), START_FORM, { applicant: { citizenId: WANG } }, { deadlineMs: 3_000 });
    expect(outcome.failures).toEqual([expect.objectContaining({ connectorId: 'legal-entity', code: 'prefill/input-missing', messageEn: 'fill in company.creditCode first to prefill from legal-entity' })]);
  });

  it('reports an invalid input value from the source as a client error, not as data', async () => {
    const outcome = await runPrefill(client(), START_FORM, { applicant: { citizenId: '110105200001011239' }, company: { creditCode: COMPANY } }, { deadlineMs: 3_000 });
    expect(outcome.failures).toEqual([expect.objectContaining({ connectorId: 'population', code: 'connector/http-client-error', paths: ['applicant.name', 'applicant.mobile', 'applicant.address'] })]);
    expect(JSON.stringify(outcome)).not.toContain('110105200001011239');
  });

  it('stops waiting when the caller cancels', async () => {
    const controller = new AbortController();
    const slow = client((raw) => ({ ...raw, headers: { ...(raw.headers as object), 'X-Demo-Fail': { value: 'timeout' } }, timeoutMs: 10_000, retries: { max: 0, backoffMs: 0 } }));
    const pending = runPrefill(slow, START_FORM, ANSWERED, { deadlineMs: 5_000, signal: controller.signal });
    controller.abort();
    const outcome = await pending;
    expect(outcome.values).toEqual([]);
    expect(outcome.failures.map((f) => f.code)).toEqual(['connector/aborted', 'connector/aborted']);
  });
});

describe('prefill bindings as a diagram writes them', () => {
  it('reads name=${path} inputs and field:path mappings', () => {
    expect(parsePrefillBinding({ connector: 'legal-entity', input: 'uscc=${applicant.uscc}', fields: 'name:company.name, address:company.address' })).toEqual({
      ok: true,
      binding: { connectorId: 'legal-entity', input: [{ name: 'uscc', path: 'applicant.uscc' }], fields: [{ field: 'name', path: 'company.name' }, { field: 'address', path: 'company.address' }] },
    });
  });

  it.each([
    ['input', { input: 'uscc=applicant.uscc' }],
    ['input', { input: 'uscc=${__proto__.x}' }],
    ['fields', { fields: 'name=company.name' }],
    ['fields', { fields: 'name:company..name' }],
    ['fields', { fields: 'name:constructor.prototype' }],
  ] as const)('refuses a malformed %s attribute and names the connector', (attribute, written) => {
    const parsed = parsePrefillBinding({ connector: 'legal-entity', ...written });
    expect(parsed).toMatchObject({ ok: false, problem: { connectorId: 'legal-entity', attribute } });
  });
});
