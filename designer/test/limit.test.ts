import { describe, expect, it } from 'vitest';
import { joinLimit, splitLimit } from '../src/modeler/properties/limit';

describe('the limit pickers', () => {
  it.each([
    ['5wd', { amount: 5, unit: 'wd' }],
    ['0.5wh', { amount: 0.5, unit: 'wh' }],
    ['30cd', { amount: 30, unit: 'cd' }],
    [undefined, { amount: undefined, unit: 'wd' }],
    ['', { amount: undefined, unit: 'wd' }],
    ['5 days', { amount: undefined, unit: 'wd' }],
    ['0wd', { amount: undefined, unit: 'wd' }],
  ])('show %j as %j', (text, parts) => {
    expect(splitLimit(text)).toEqual(parts);
  });

  it('write the amount and unit back as one attribute, and no amount as none', () => {
    expect(joinLimit({ amount: 20, unit: 'wd' })).toBe('20wd');
    expect(joinLimit({ amount: 1.5, unit: 'wh' })).toBe('1.5wh');
    expect(joinLimit({ amount: undefined, unit: 'cd' })).toBeUndefined();
  });

  it('round-trip every limit they can show', () => {
    for (const text of ['1wd', '9999wd', '4wh', '2.5wh', '15cd']) expect(joinLimit(splitLimit(text))).toBe(text);
  });
});
