import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseMobile, validateMobile } from '../../src/index.js';

describe('validateMobile', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '008613812345678',
    '8613812345678',
    '１３８１２３４５６７８',
  ])('accepts %s as 13812345678', (input) => {
    expect(validateMobile(input)).toEqual({ ok: true, value: '13812345678' });
  });

  it.each([
    ['1381234567', 'mobile/length'],
    ['138123456789', 'mobile/length'],
    ['12812345678', 'mobile/prefix'],
    ['23812345678', 'mobile/prefix'],
    ['(138)12345678', 'mobile/characters'],
    ['', 'mobile/characters'],
  ])('rejects %s with %s', (input, code) => {
    const result = validateMobile(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/手机号码/);
  });

  it('keeps an 86 that is not a country prefix', () => {
    expect(normaliseMobile('86123')).toBe('86123');
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normaliseMobile(s);
        expect(normaliseMobile(once)).toBe(once);
      }),
    );
    // Also on inputs built from prefixes and separators, where it matters.
    const piece = fc.constantFrom('+86', '0086', '86', ' ', '-', '1', '3', '8', '0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const once = normaliseMobile(pieces.join(''));
        expect(normaliseMobile(once)).toBe(once);
      }),
    );
  });

  it('formatted valid numbers normalise to their 11 digits', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.constantFrom('', '+86', '0086', '86', '+86 '),
        fc.constantFrom('', ' ', '-'),
        (n, prefix, sep) => {
          const formatted = `${prefix}${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`;
          expect(validateMobile(formatted)).toEqual({ ok: true, value: n });
        },
      ),
    );
  });
});
