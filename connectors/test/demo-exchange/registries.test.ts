import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCitizenId, validateCreditCode, validateMobile } from '../../src/identifiers/index.js';
import { createDemoData, WELL_KNOWN_ENTITIES, WELL_KNOWN_PERSONS } from '../../src/demo-exchange/index.js';
import type { ELicence, LegalEntity, Person, SocialInsurance } from '../../src/demo-exchange/index.js';
import { start } from './helpers.js';

let exchange: Awaited<ReturnType<typeof start>>;
const data = createDemoData();
beforeAll(async () => {
  exchange = await start();
});
afterAll(() => exchange.close());

describe('demo exchange registries', () => {
  it('answers /healthz without a key', async () => {
    const res = await fetch(`${exchange.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(exchange.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves 200 persons and 100 entities, well-known records first', () => {
    expect(data.persons.size).toBe(200);
    expect(data.entities.size).toBe(100);
    expect([...data.persons.keys()].slice(0, 3)).toEqual(WELL_KNOWN_PERSONS.map((p) => p.citizenId));
    expect([...data.entities.keys()].slice(0, 3)).toEqual(WELL_KNOWN_ENTITIES.map((e) => e.creditCode));
  });

  it('returns a well-known person whose sex and birth date agree with the citizen ID', async () => {
    const { status, body } = await exchange.get('/population/persons/110105200001011238');
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: '王小明', sex: 'male', birthDate: '2000-01-01', ethnicity: '汉族' });
    expect(body.householdAddress).toMatch(/^北京市朝阳区/);
  });

  it('normalises a lower-case x in the path', async () => {
    const { status, body } = await exchange.get('/population/persons/44030519880808104x');
    expect(status).toBe(200);
    expect(body.citizenId).toBe('44030519880808104X');
  });

  it('every person record is valid and consistent with its identifier', async () => {
    for (const id of data.persons.keys()) {
      const { status, body } = await exchange.get(`/population/persons/${id}`);
      expect(status).toBe(200);
      const person = body as Person;
      const checked = validateCitizenId(person.citizenId);
      expect(checked.ok).toBe(true);
      if (!checked.ok) continue;
      expect(person.sex).toBe(checked.sex);
      expect(person.birthDate).toBe(checked.birthDate);
      expect(validateMobile(person.mobile).ok).toBe(true);
      expect(person.mobile).toMatch(/^1[3-9]\d{9}$/);
      expect(person.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(person.householdAddress).toMatch(/号/);
    }
  });

  it('every legal representative is a person in the population registry', async () => {
    for (const code of data.entities.keys()) {
      const { status, body } = await exchange.get(`/legal-entities/${code}`);
      expect(status).toBe(200);
      const entity = body as LegalEntity;
      const checked = validateCreditCode(entity.creditCode);
      expect(checked.ok && checked.warnings).toEqual([]);
      const rep = await exchange.get(`/population/persons/${entity.legalRepresentative.citizenId}`);
      expect(rep.status).toBe(200);
      expect(rep.body.name).toBe(entity.legalRepresentative.name);
      expect(entity.establishedOn > String(rep.body.birthDate)).toBe(true);
      expect(entity.registeredCapital).toBeGreaterThan(0);
      expect(['存续', '注销', '吊销']).toContain(entity.status);
    }
  });

  it('lists e-licences for persons and entities with valid identifier numbers', async () => {
    for (const holder of [...data.persons.keys(), ...data.entities.keys()]) {
      const { status, body } = await exchange.get(`/e-licences?holder=${holder}`);
      expect(status).toBe(200);
      expect(body.holder).toBe(holder);
      const licences = body.licences as ELicence[];
      expect(licences.length).toBeGreaterThan(0);
      for (const licence of licences) {
        expect(licence.issuer).toMatch(/局|支队/);
        expect(licence.validUntil === null || licence.validUntil > licence.issuedOn).toBe(true);
        if (['居民身份证', '机动车驾驶证'].includes(licence.type)) expect(licence.number).toBe(holder);
        if (['营业执照', '民办非企业单位登记证书'].includes(licence.type)) expect(licence.number).toBe(holder);
      }
    }
    const wang = await exchange.get('/e-licences?holder=110105200001011238');
    expect(wang.body.licences).toEqual([
      { type: '居民身份证', number: '110105200001011238', issuer: '北京市公安局朝阳分局', issuedOn: '2021-03-01', validUntil: '2031-03-01' },
    ]);
  });

  it('social-insurance employers are entities in the legal-entity registry', async () => {
    let withEmployer = 0;
    for (const id of data.persons.keys()) {
      const { status, body } = await exchange.get(`/social-insurance/${id}`);
      if (status === 404) {
        expect(body.code).toBe('not-found');
        continue;
      }
      expect(status).toBe(200);
      const record = body as SocialInsurance;
      expect(record.citizenId).toBe(id);
      expect(record.contributionMonths).toBeGreaterThan(0);
      expect(record.insured).toBe(record.status !== '终止参保');
      if (record.employerCreditCode !== null) {
        withEmployer++;
        expect((await exchange.get(`/legal-entities/${record.employerCreditCode}`)).status).toBe(200);
      }
    }
    expect(withEmployer).toBeGreaterThan(50);
    const chen = await exchange.get('/social-insurance/44030519880808104X');
    expect(chen.body).toMatchObject({ insured: true, employerCreditCode: '91110108123456788E', city: '北京市' });
  });
});
