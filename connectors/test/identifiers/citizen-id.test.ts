import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citizenIdCheckChar, normaliseCitizenId, validateCitizenId } from '../../src/index.js';

const today = '2026-01-01';

describe('validateCitizenId: identifiers.md §1 vectors', () => {
  it.each([
    ['110105200001011238', '2000-01-01', 'male'],
    ['440305199912314565', '1999-12-31', 'female'],
    ['44030519880808104X', '1988-08-08', 'female'],
    // Example from the reproduction of GB 11643-1999 cited in identifiers.md.
    ['11010519491231002X', '1949-12-31', 'female'],
  ])('accepts %s', (id, birthDate, sex) => {
    expect(validateCitizenId(id, { today })).toEqual({ ok: true, value: id, birthDate, sex });
  });

  it.each([
    ['110105200001011239', 'citizen-id/check-digit'],
    ['650102202302298880', 'citizen-id/birth-date'],
    ['1101052000010112A8', 'citizen-id/characters'],
    // The standard's second example has a correct check digit, but 1880 is
    // before the 1900 floor this validator applies.
    ['440524188001010014', 'citizen-id/birth-date'],
  ])('rejects %s with %s', (id, code) => {
    const result = validateCitizenId(id, { today });
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.message).toMatch(/公民身份号码/);
      expect(result.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('the 1880 example passes the check character itself', () => {
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
  });
});

describe('validateCitizenId: other rules', () => {
  it('normalises whitespace, full-width digits and lower-case x', () => {
    expect(validateCitizenId(' ４４０３０５１９８８０８０８１０４ｘ ', { today })).toMatchObject({
      ok: true,
      value: '44030519880808104X',
    });
    expect(validateCitizenId('44030519880808104x', { today })).toMatchObject({ ok: true });
  });

  it('rejects wrong lengths, including legacy 15-digit numbers', () => {
    expect(validateCitizenId('', { today })).toMatchObject({ ok: false, code: 'citizen-id/length' });
    expect(validateCitizenId('110105000101123', { today })).toMatchObject({ ok: false, code: 'citizen-id/length' });
  });

  it('rejects an unknown province code', () => {
    const body = '99010520000101123';
    expect(validateCitizenId(body + citizenIdCheckChar(body), { today })).toMatchObject({
      ok: false,
      code: 'citizen-id/region',
    });
  });

  it('rejects a birth date after today and accepts one on today', () => {
    const body = '11010520260102123';
    expect(validateCitizenId(body + citizenIdCheckChar(body), { today })).toMatchObject({
      ok: false,
      code: 'citizen-id/birth-date',
    });
    const onToday = '11010520260101123';
    expect(validateCitizenId(onToday + citizenIdCheckChar(onToday), { today })).toMatchObject({ ok: true });
  });

  it('accepts today as a Date, read in UTC+8', () => {
    const body = '11010520260101123';
    const id = body + citizenIdCheckChar(body);
    // 2025-12-31T16:00Z is already 2026-01-01 in Beijing.
    expect(validateCitizenId(id, { today: new Date('2025-12-31T16:00:00Z') })).toMatchObject({ ok: true });
    expect(validateCitizenId(id, { today: new Date('2025-12-31T15:59:59Z') })).toMatchObject({ ok: false });
  });
});

const provinces = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83'];

const validCitizenId = fc
  .record({
    province: fc.constantFrom(...provinces),
    area: fc.stringMatching(/^\d{4}$/),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, area, birth, seq }) => {
    const body = province + area + birth.toISOString().slice(0, 10).replaceAll('-', '') + seq;
    return body + citizenIdCheckChar(body);
  });

describe('validateCitizenId: properties', () => {
  it('generated numbers validate', () => {
    fc.assert(fc.property(validCitizenId, (id) => validateCitizenId(id, { today }).ok));
  });

  it('changing any one digit breaks the check character', () => {
    fc.assert(
      fc.property(validCitizenId, fc.nat(17), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const chars = '0123456789X';
        const old = chars.indexOf(id[pos] ?? '');
        // Body digits only take 0–9; the check position may also take X.
        const radix = pos === 17 ? 11 : 10;
        if (delta >= radix) return;
        const changed = id.slice(0, pos) + chars[(old + delta) % radix] + id.slice(pos + 1);
        expect(validateCitizenId(changed, { today })).toMatchObject({ ok: false, code: 'citizen-id/check-digit' });
      }),
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normaliseCitizenId(s);
        expect(normaliseCitizenId(once)).toBe(once);
      }),
    );
  });
});
