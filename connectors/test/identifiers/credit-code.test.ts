import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  isValidOrganisationCode,
  normaliseCreditCode,
  validateCreditCode,
} from '../../src/index.js';

describe('validateCreditCode: identifiers.md §2 vectors', () => {
  it.each([
    ['91110108123456788E', '9', '1', '110108'],
    ['92440300MA000012X0', '9', '2', '440300'],
    ['52310000501234569K', '5', '2', '310000'],
  ])('accepts %s', (code, department, category, region) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code, department, category, region, warnings: [] });
  });

  it.each([
    ['91110108123456788F', 'credit-code/check-digit'],
    ['91110108I23456788E', 'credit-code/characters'],
    ['91110108132456788E', 'credit-code/check-digit'],
  ])('rejects %s with %s', (code, expected) => {
    const result = validateCreditCode(code);
    expect(result).toMatchObject({ ok: false, code: expected });
    if (!result.ok) expect(result.message).toMatch(/统一社会信用代码/);
  });

  it('the transposed vector would need check character A', () => {
    expect(creditCodeCheckChar('91110108132456788')).toBe('A');
  });

  it("accepts python-stdnum's doctest sample", () => {
    expect(validateCreditCode('91110000600037341L')).toMatchObject({ ok: true });
  });
});

describe('validateCreditCode: other rules', () => {
  it('normalises case, full-width characters and spaces', () => {
    expect(validateCreditCode(' ９１１１０１０８１２３４５６７８８ｅ ')).toMatchObject({ ok: true, value: '91110108123456788E' });
    expect(validateCreditCode('92440300ma000012x0')).toMatchObject({ ok: true, value: '92440300MA000012X0' });
  });

  it('rejects wrong lengths', () => {
    expect(validateCreditCode('91110108123456788')).toMatchObject({ ok: false, code: 'credit-code/length' });
  });

  const withCheck = (body: string) => body + creditCodeCheckChar(body);

  it('requires digits in positions 3–8', () => {
    expect(validateCreditCode(withCheck('911A0108123456788'))).toMatchObject({ ok: false, code: 'credit-code/region' });
  });

  it('allows letters in positions 1–2 (A…, N…, Y…)', () => {
    expect(validateCreditCode(withCheck('Y1110108123456788'))).toMatchObject({ ok: true, department: 'Y' });
    expect(validateCreditCode(withCheck('N2110108123456788'))).toMatchObject({ ok: true, department: 'N' });
  });

  it('rejects unknown departments and categories the reference rules out', () => {
    expect(validateCreditCode(withCheck('B1110108123456788'))).toMatchObject({ ok: false, code: 'credit-code/department' });
    expect(validateCreditCode(withCheck('Y2110108123456788'))).toMatchObject({ ok: false, code: 'credit-code/category' });
    expect(validateCreditCode(withCheck('94110108123456788'))).toMatchObject({ ok: false, code: 'credit-code/category' });
  });

  it('only warns about unlisted categories and bad organisation codes', () => {
    expect(validateCreditCode(withCheck('59110108123456788'))).toMatchObject({
      ok: true,
      warnings: ['credit-code/category-unlisted'],
    });
    expect(validateCreditCode(withCheck('91110108123456789'))).toMatchObject({
      ok: true,
      warnings: ['credit-code/organisation-code'],
    });
  });

  it('checks GB 11714 organisation codes', () => {
    expect(isValidOrganisationCode('123456788')).toBe(true);
    expect(isValidOrganisationCode('MA000012X')).toBe(true);
    expect(isValidOrganisationCode('501234569')).toBe(true);
    expect(isValidOrganisationCode('123456789')).toBe(false);
  });
});

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const validCreditCode = fc
  .record({
    head: fc.constantFrom('11', '12', '51', '52', '53', '91', '92', '93', 'Y1', 'A1', 'N1'),
    region: fc.stringMatching(/^\d{6}$/),
    subject: fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
  })
  .map(({ head, region, subject }) => {
    const body = head + region + subject.join('');
    return body + creditCodeCheckChar(body);
  });

describe('validateCreditCode: properties', () => {
  it('generated codes validate', () => {
    fc.assert(fc.property(validCreditCode, (code) => validateCreditCode(code).ok));
  });

  it('changing any one character breaks the code', () => {
    fc.assert(
      fc.property(validCreditCode, fc.nat(17), fc.integer({ min: 1, max: 30 }), (code, pos, delta) => {
        const old = CREDIT_CODE_ALPHABET.indexOf(code[pos] ?? '');
        const changed = code.slice(0, pos) + CREDIT_CODE_ALPHABET[(old + delta) % 31] + code.slice(pos + 1);
        const result = validateCreditCode(changed);
        expect(result.ok).toBe(false);
        // Outside the structured head, the check character is what catches it.
        if (pos >= 8) expect(result).toMatchObject({ code: 'credit-code/check-digit' });
      }),
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normaliseCreditCode(s);
        expect(normaliseCreditCode(once)).toBe(once);
      }),
    );
  });
});
