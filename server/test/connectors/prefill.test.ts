/**
 * Acceptance: the company-opening start form prefilled from the demo
 * exchange over real HTTP, with provenance for every bound field; a slow or
 * failing source leaves the form editable with the failure listed; the
 * provenance of each value follows the application (prefilled, edited,
 * typed) into its record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enc, expectProblem } from '../support/acceptance.js';
import type { ApiClient } from '../support/harness.js';
import { adjustConnector, COMPANY, failHook, startWithExchange, WANG, type ExchangeServer } from './support.js';

interface FormPrefill {
  prefillId: string;
  form?: string;
  variables: Record<string, Record<string, unknown>>;
  fields: { path: string; value: unknown; connectorId: string; connectorName: string; personal: boolean; source: { connectorId: string; at: string; correlationId: string } }[];
  failures: { connectorId: string; connectorName: string; code: string; message: string; paths: string[] }[];
  masked: boolean;
}

interface Detail {
  id: string;
  variables: Record<string, Record<string, unknown>>;
  tasks: { id: string; department?: string; status: string }[];
  provenance: Record<string, { origin: string; connectorId?: string; correlationId?: string; by?: string }>;
}

const START_BOUND = ['applicant.address', 'applicant.insuranceCity', 'applicant.insured', 'applicant.mobile', 'applicant.name', 'applicant.sex'];

let t: ExchangeServer;
let frontdesk: ApiClient;
afterEach(() => t.dispose());

async function prefillStart(variables: Record<string, unknown> = { applicant: { citizenId: WANG } }) {
  return frontdesk.post<FormPrefill>('/api/definitions/open_company/start-form/prefill', { variables });
}

describe('the start form prefilled from the demo exchange', () => {
  beforeEach(async () => {
    t = await startWithExchange();
    frontdesk = await t.server.signIn('frontdesk');
  });

  it('names the start form and its bindings, all of them configured', async () => {
    const form = await frontdesk.get<{ form: string; bindings: { connectorId: string; configured: boolean }[] }>('/api/definitions/open_company/start-form');
    expect(form.status, form.text).toBe(200);
    expect(form.body.form).toBe('open-company-apply');
    expect(form.body.bindings.map((b) => [b.connectorId, b.configured])).toEqual([['population', true], ['social-insurance', true]]);
  });

  it('fills every bound field with its source, the time and a correlation id', async () => {
    const prefill = await prefillStart();

    expect(prefill.status, prefill.text).toBe(200);
    expect(prefill.body.failures).toEqual([]);
    expect(prefill.body.fields.map((f) => f.path).sort()).toEqual(START_BOUND);
    for (const field of prefill.body.fields) {
      expect(field.source.correlationId, field.path).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(field.source.at), field.path).not.toBeNaN();
      expect(field.connectorName, field.path).toMatch(/人口基础信息|社会保险参保信息/);
    }
    // The front desk handles the application: clear values, and the read is audited with the connectors' purposes.
    expect(prefill.body.variables.applicant).toMatchObject({ name: '王小明', mobile: '13800138000' });
    expect(prefill.body.masked).toBe(false);
    const admin = await t.server.signIn('admin');
    const audit = await admin.get<{ items: { action: string; details: { sources: { connectorId: string; purpose: string }[]; personalFields: string[] } }[] }>('/api/audit?action=prefill');
    const entry = audit.body.items.find((e) => e.action === 'prefill');
    expect(entry?.details.sources.map((s) => s.connectorId).sort()).toEqual(['population', 'social-insurance']);
    expect(entry?.details.sources.every((s) => s.purpose.length > 4)).toBe(true);
    expect(entry?.details.personalFields).toContain('applicant.name');
  });

  it('keeps what the applicant may edit: provenance says prefilled, prefilled and edited, or typed', async () => {
    const prefill = await prefillStart();
    const variables = { applicant: { ...prefill.body.variables.applicant, citizenId: WANG, mobile: '13912345678' }, company: { name: '北京通办示范科技有限公司' } };

    const started = await frontdesk.post<Detail>('/api/instances', { processId: 'open_company', variables, prefillId: prefill.body.prefillId });

    expect(started.status, started.text).toBe(201);
    const { provenance } = started.body;
    expect(provenance['applicant.name']).toMatchObject({ origin: 'prefilled', connectorId: 'population' });
    expect(provenance['applicant.insured']).toMatchObject({ origin: 'prefilled', connectorId: 'social-insurance' });
    expect(provenance['applicant.mobile']).toMatchObject({ origin: 'prefilled-edited', connectorId: 'population' });
    expect(provenance['applicant.citizenId']).toMatchObject({ origin: 'applicant' });
    expect(provenance['company.name']).toMatchObject({ origin: 'applicant' });
    const byCorrelation = new Map(prefill.body.fields.map((f) => [f.path, f.source.correlationId]));
    expect(provenance['applicant.name']?.correlationId).toBe(byCorrelation.get('applicant.name'));

    // A manager sees where each value came from, not the values.
    const manager = await t.server.signIn('manager');
    const read = await manager.get<Detail>(`/api/instances/${started.body.id}`);
    expect(read.body.provenance['applicant.mobile']?.origin).toBe('prefilled-edited');
    expect(read.body.variables.applicant?.name).toBe('王**');
  });

  it('refuses a receipt that is unknown or another user\'s, and starts nothing', async () => {
    const prefill = await prefillStart();
    const other = await t.server.signIn('frontdesk');
    const before = (await frontdesk.get<{ total: number }>('/api/instances')).body.total;

    const forged = await frontdesk.post('/api/instances', { processId: 'open_company', variables: {}, prefillId: '00000000-0000-4000-8000-000000000000' });
    expect(forged.status).toBe(400);
    expect(expectProblem(forged).errors?.[0]).toMatchObject({ path: 'prefillId', code: 'prefill/unknown' });

    // Same user name, another session: a receipt belongs to the user, so this one is accepted.
    const sameUser = await other.post('/api/instances', { processId: 'open_company', variables: {}, prefillId: prefill.body.prefillId });
    expect(sameUser.status, sameUser.text).toBe(201);
    const clerk = await t.server.signIn('clerk-market');
    const foreign = await clerk.post('/api/tasks/none/complete', { prefillId: prefill.body.prefillId });
    expect(foreign.status).toBe(404);
    expect((await frontdesk.get<{ total: number }>('/api/instances')).body.total).toBe(before + 1);
  });

  it('asks for the input a binding needs instead of calling the source without it', async () => {
    const prefill = await prefillStart({});
    expect(prefill.status).toBe(200);
    expect(prefill.body.fields).toEqual([]);
    expect(prefill.body.failures.map((f) => [f.connectorId, f.code])).toEqual([['population', 'prefill/input-missing'], ['social-insurance', 'prefill/input-missing']]);
  });
});

describe('a failing source never blocks the front desk', () => {
  afterEach(() => undefined);

  it('lists a source that is down, keeps the other source\'s values, and answers 200', async () => {
    t = await startWithExchange();
    frontdesk = await t.server.signIn('frontdesk');
    await adjustConnector(t.server, 'social-insurance', failHook('500'));

    const prefill = await prefillStart();

    expect(prefill.status, prefill.text).toBe(200);
    expect(prefill.body.fields.map((f) => f.connectorId)).toEqual(['population', 'population', 'population', 'population']);
    expect(prefill.body.failures).toEqual([expect.objectContaining({
      connectorId: 'social-insurance', connectorName: '社会保险参保信息', code: 'connector/http-server-error', paths: ['applicant.insured', 'applicant.insuranceCity'],
    })]);
  });

  it('lists a source slower than its own timeout', async () => {
    t = await startWithExchange();
    frontdesk = await t.server.signIn('frontdesk');
    await adjustConnector(t.server, 'population', (d) => ({ ...failHook('timeout')(d), timeoutMs: 300 }));

    const prefill = await prefillStart();

    expect(prefill.status, prefill.text).toBe(200);
    expect(prefill.body.failures).toEqual([expect.objectContaining({ connectorId: 'population', code: 'connector/timeout' })]);
    expect(prefill.body.fields.map((f) => f.connectorId)).toEqual(['social-insurance', 'social-insurance']);
  });

  it('answers by the form\'s deadline when a source hangs longer', async () => {
    t = await startWithExchange({ env: { TONGBAN_PREFILL_DEADLINE_MS: '400' } });
    frontdesk = await t.server.signIn('frontdesk');
    await adjustConnector(t.server, 'population', (d) => ({ ...failHook('timeout')(d), timeoutMs: 10_000 }));

    const prefill = await prefillStart();

    expect(prefill.status, prefill.text).toBe(200);
    expect(prefill.body.failures).toEqual([expect.objectContaining({ connectorId: 'population', code: 'prefill/deadline' })]);
  });

  it('lists a source that is not reachable at all', async () => {
    t = await startWithExchange();
    frontdesk = await t.server.signIn('frontdesk');
    await t.exchange.close();

    const prefill = await prefillStart();

    expect(prefill.status, prefill.text).toBe(200);
    expect(prefill.body.failures.map((f) => [f.connectorId, f.code])).toEqual([['population', 'connector/network'], ['social-insurance', 'connector/network']]);
  });
});

describe('a department\'s task form', () => {
  beforeEach(async () => {
    t = await startWithExchange();
    frontdesk = await t.server.signIn('frontdesk');
  });

  it('prefills from the application\'s own data, and a clerk\'s edit of a prefilled value is recorded as such', async () => {
    const started = await frontdesk.post<Detail>('/api/instances', { processId: 'open_company', variables: { applicant: { citizenId: WANG }, company: { creditCode: COMPANY } } });
    const accept = started.body.tasks.find((task) => task.department === 'front-desk')!;
    expect((await frontdesk.post(`/api/tasks/${enc(accept.id)}/complete`, {})).status).toBe(200);
    const clerk = await t.server.signIn('clerk-tax');
    const tax = (await clerk.get<Detail>(`/api/instances/${started.body.id}`)).body.tasks.find((task) => task.department === 'tax')!;

    const prefill = await clerk.post<FormPrefill>(`/api/tasks/${enc(tax.id)}/prefill`, {});

    expect(prefill.status, prefill.text).toBe(200);
    expect(prefill.body.failures).toEqual([]);
    expect(prefill.body.variables.company).toMatchObject({ name: expect.any(String), status: '存续' });
    const company = { ...prefill.body.variables.company, address: '北京市海淀区中关村大街1号（变更后）' };
    const done = await clerk.post(`/api/tasks/${enc(tax.id)}/complete`, { variables: { company: { ...company, creditCode: COMPANY } }, prefillId: prefill.body.prefillId });
    expect(done.status, done.text).toBe(200);

    const provenance = (await clerk.get<Detail>(`/api/instances/${started.body.id}`)).body.provenance;
    expect(provenance['company.name']).toMatchObject({ origin: 'prefilled', connectorId: 'legal-entity' });
    expect(provenance['company.address']).toMatchObject({ origin: 'prefilled-edited', connectorId: 'legal-entity' });
    expect(provenance['company.creditCode']).toMatchObject({ origin: 'applicant' });

    // A receipt is for its own task.
    const market = (await (await t.server.signIn('clerk-market')).get<Detail>(`/api/instances/${started.body.id}`)).body.tasks.find((task) => task.department === 'market')!;
    const misuse = await (await t.server.signIn('clerk-market')).post(`/api/tasks/${enc(market.id)}/complete`, { prefillId: prefill.body.prefillId });
    expect(misuse.status).toBe(400);
  });
});
