import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskCitizenId, maskMiddle, maskMobile, maskName } from '../../src/index.js';

describe('masking (identifiers.md §3)', () => {
  it('keeps the area code and last 4 of a citizen ID', () => {
    expect(maskCitizenId('110105200001011238')).toBe('110105********1238');
    expect(maskCitizenId('44030519880808104X')).toBe('440305********104X');
  });

  it('keeps first 3 and last 4 of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('keeps the surname of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张')).toBe('*');
  });

  it('masks values too short to keep anything entirely', () => {
    expect(maskCitizenId('1234567890')).toBe('**********');
    expect(maskMobile('1234')).toBe('****');
    expect(maskName('')).toBe('');
  });

  it('handles characters outside the BMP as one character', () => {
    expect(maskName('𠀋一')).toBe('𠀋*');
  });

  it('keeps the length', () => {
    const length = (s: string) => Array.from(s).length;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const mask of [maskCitizenId, maskMobile, maskName]) expect(length(mask(s))).toBe(length(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(20), fc.nat(20), (s, a, b) => {
        expect(length(maskMiddle(s, a, b))).toBe(length(s));
      }),
    );
  });
});
