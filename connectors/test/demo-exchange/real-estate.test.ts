import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCitizenId, validateCreditCode } from '../../src/identifiers/index.js';
import { createDemoData, UNKNOWN_CITIZEN_ID } from '../../src/demo-exchange/index.js';
import type { RealEstateProperty } from '../../src/demo-exchange/index.js';
import { start } from './helpers.js';

let exchange: Awaited<ReturnType<typeof start>>;
const data = createDemoData();
beforeAll(async () => {
  exchange = await start();
});
afterAll(() => exchange.close());

const CERTIFICATE = /^([京津沪渝苏浙闽鲁豫鄂湘粤川陕])（(\d{4})）(\S+?[区市])不动产权第(\d{7})号$/;
/** County (6) + 地籍区 (3) + 地籍子区 (3) + GB + 宗地 (5) + F + 幢 (4) + 户 (4). */
const UNIT = /^(\d{6})(\d{3})(\d{3})GB(\d{5})F(\d{4})(\d{4})$/;

/** "广东省深圳市南山区…" → "广东省深圳市南山区": every demo district ends in 区. */
const regionPrefix = (address: string) => address.slice(0, address.indexOf('区') + 1);

describe('demo exchange real estate registry (不动产登记)', () => {
  it('returns the well-known flat of 王小明', async () => {
    const { status, body } = await exchange.get('/real-estate?owner=110105200001011238');
    expect(status).toBe(200);
    expect(body).toEqual({
      owner: '110105200001011238',
      properties: [{
        certificateNumber: '京（2024）朝阳区不动产权第0012345号',
        unitNumber: '110105003012GB00123F00030501',
        location: '北京市朝阳区建设路18号3栋2单元501室',
        use: '住宅',
        area: 89.57,
        owners: [{ name: '王小明', idType: '居民身份证', idNumber: '110105200001011238', share: null }],
        coOwnership: '单独所有',
        registeredOn: '2024-06-18',
        mortgaged: true,
      }],
    });
  });

  it('returns the two well-known units of 北京同办示范科技有限公司 in 海淀区', async () => {
    const { status, body } = await exchange.get('/real-estate?owner=91110108123456788E');
    expect(status).toBe(200);
    const properties = body.properties as RealEstateProperty[];
    expect(properties.map((p) => [p.certificateNumber, p.use, p.mortgaged])).toEqual([
      ['京（2016）海淀区不动产权第0012345号', '办公', false],
      ['京（2021）海淀区不动产权第0203456号', '商业', true],
    ]);
    for (const p of properties) {
      expect(p.location).toMatch(/^北京市海淀区文化路100号/);
      expect(p.unitNumber.slice(0, 6)).toBe('110108');
      expect(p.owners).toEqual([{ name: '北京同办示范科技有限公司', idType: '统一社会信用代码', idNumber: '91110108123456788E', share: null }]);
    }
  });

  it('normalises the owner like the other registries (full-width digits, lower-case letters)', async () => {
    const fullWidth = encodeURIComponent([...'110105200001011238'].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(''));
    expect((await exchange.get(`/real-estate?owner=${fullWidth}`)).body.owner).toBe('110105200001011238');
    expect((await exchange.get('/real-estate?owner=91110108123456788e')).body.owner).toBe('91110108123456788E');
  });

  it('every record is well-formed, lies in its owner\'s region and names owners found in the other registries', async () => {
    const seen = { certificates: new Set<string>(), units: new Set<string>() };
    for (const [owner, expected] of data.realEstate) {
      const { status, body } = await exchange.get(`/real-estate?owner=${owner}`);
      expect(status).toBe(200);
      expect(body.owner).toBe(owner);
      const properties = body.properties as RealEstateProperty[];
      expect(properties).toEqual(expected);
      for (const p of properties) {
        expect(p.owners.map((o) => o.idNumber)).toContain(owner);
        await checkProperty(p);
        seen.certificates.add(p.certificateNumber);
        seen.units.add(p.unitNumber);
      }
    }
    // Co-owned units are listed under each owner, so count distinct records.
    const distinct = new Set([...data.realEstate.values()].flat());
    expect(seen.certificates.size).toBe(distinct.size);
    expect(seen.units.size).toBe(distinct.size);
  });

  it('covers every use, every kind of co-ownership, both mortgage states, and persons without property', () => {
    const all = [...new Set([...data.realEstate.values()].flat())];
    expect(new Set(all.map((p) => p.use))).toEqual(new Set(['住宅', '商业', '办公', '工业']));
    expect(new Set(all.map((p) => p.coOwnership))).toEqual(new Set(['单独所有', '共同共有', '按份共有']));
    expect(new Set(all.map((p) => p.mortgaged))).toEqual(new Set([true, false]));
    const owners = [...data.persons.keys()].filter((id) => data.realEstate.has(id));
    expect(owners.length).toBeGreaterThan(50);
    expect(owners.length).toBeLessThan(data.persons.size);
  });

  it('is deterministic for a seed and differs between seeds; the well-known units stay', async () => {
    const [a, b, c] = [createDemoData(7), createDemoData(7), createDemoData(8)];
    expect([...b.realEstate.entries()]).toEqual([...a.realEstate.entries()]);
    expect([...c.realEstate.keys()]).not.toEqual([...a.realEstate.keys()]);
    expect(c.realEstate.get('110105200001011238')).toEqual(a.realEstate.get('110105200001011238'));
    const owners = [...a.realEstate.keys()].slice(0, 15);
    const [one, two] = await Promise.all([start({ seed: 7 }), start({ seed: 7 })]);
    try {
      for (const owner of owners) {
        const [x, y] = await Promise.all([one.get(`/real-estate?owner=${owner}`), two.get(`/real-estate?owner=${owner}`)]);
        expect(x.status).toBe(200);
        expect(y).toEqual(x);
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it.each([
    ['an unknown citizen ID', UNKNOWN_CITIZEN_ID],
    ['a known person without property (李晓红)', '440305199912314565'],
    ['an unknown credit code', '91110000600037341L'],
  ])('404 not-found for %s', async (_, owner) => {
    expect(await exchange.get(`/real-estate?owner=${owner}`)).toEqual({ status: 404, body: expect.objectContaining({ code: 'not-found' }) });
  });

  it.each([
    ['110105200001011239', validateCitizenId('110105200001011239')],
    ['650102202302298880', validateCitizenId('650102202302298880')],
    ['91110108123456788F', validateCreditCode('91110108123456788F')],
    ['91110108I23456788E', validateCreditCode('91110108I23456788E')],
  ])('400 with the check message of the identifier %s looks like', async (owner, checked) => {
    if (checked.ok) throw new Error('test vector must be invalid');
    const { status, body } = await exchange.get(`/real-estate?owner=${owner}`);
    expect(status).toBe(400);
    expect(body).toEqual({ code: checked.code, message: checked.message, messageEn: checked.messageEn });
  });

  it.each([
    ['/real-estate', 'owner-missing'],
    ['/real-estate?owner=', 'owner-missing'],
    ['/real-estate?owner=12345', 'owner-invalid'],
    ['/real-estate?owner=abc', 'owner-invalid'],
  ])('400 %s → %s', async (path, code) => {
    const { status, body } = await exchange.get(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code, message: expect.stringMatching(/权利人/) });
  });

  it('needs the API key', async () => {
    const res = await fetch(`${exchange.url}/real-estate?owner=110105200001011238`);
    expect(res.status).toBe(401);
  });
});

async function checkProperty(p: RealEstateProperty): Promise<void> {
  const certificate = CERTIFICATE.exec(p.certificateNumber);
  expect(certificate, p.certificateNumber).not.toBeNull();
  expect(certificate?.[2]).toBe(p.registeredOn.slice(0, 4));
  expect(p.location).toContain(certificate?.[3]);
  expect(p.unitNumber).toHaveLength(28);
  expect(p.unitNumber).toMatch(UNIT);
  expect(new Date(`${p.registeredOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.registeredOn);
  expect(p.registeredOn >= '2015-03-01' && p.registeredOn <= '2025-12-31').toBe(true);
  expect(['住宅', '商业', '办公', '工业']).toContain(p.use);
  expect(p.area).toBeGreaterThan(0);
  expect(Number(p.area.toFixed(2))).toBe(p.area);
  expect(typeof p.mortgaged).toBe('boolean');

  const shares = p.owners.map((o) => o.share);
  if (p.coOwnership === '单独所有') expect(shares).toEqual([null]);
  if (p.coOwnership === '共同共有') expect(shares).toEqual([null, null]);
  if (p.coOwnership === '按份共有') expect((shares as number[]).reduce((a, b) => a + b, 0)).toBe(100);

  const [first] = p.owners;
  for (const owner of p.owners) {
    if (owner.idType === '居民身份证') {
      const checked = validateCitizenId(owner.idNumber);
      expect(checked.ok).toBe(true);
      const person = await exchange.get(`/population/persons/${owner.idNumber}`);
      expect(person.body.name).toBe(owner.name);
      // 18 or older at registration.
      const birthDate = String(person.body.birthDate);
      expect(p.registeredOn >= `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`).toBe(true);
      if (owner === first) {
        expect(p.unitNumber.slice(0, 6)).toBe(owner.idNumber.slice(0, 6));
        expect(p.location.startsWith(regionPrefix(String(person.body.householdAddress)))).toBe(true);
      }
    } else {
      const checked = validateCreditCode(owner.idNumber);
      expect(checked.ok && checked.warnings).toEqual([]);
      const entity = await exchange.get(`/legal-entities/${owner.idNumber}`);
      expect(entity.body).toMatchObject({ name: owner.name, status: '存续' });
      expect(p.registeredOn >= String(entity.body.establishedOn)).toBe(true);
      // Registered with a county or city authority of the same city as the unit.
      expect(p.unitNumber.slice(0, 4)).toBe(owner.idNumber.slice(2, 6));
      expect(p.location.startsWith(regionPrefix(String(entity.body.registeredAddress)))).toBe(true);
      expect(p.owners).toHaveLength(1);
    }
  }
  // Every co-owned unit is listed under each co-owner too.
  for (const owner of p.owners) expect(data.realEstate.get(owner.idNumber)).toContainEqual(p);
}
