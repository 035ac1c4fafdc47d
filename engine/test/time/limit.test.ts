import { describe, expect, it } from 'vitest';
import { compareLimits, formatLimit, parseLimit } from '../../src/time/index.js';
import type { Limit, LimitComparison, LimitErrorReason } from '../../src/time/index.js';

describe('parseLimit', () => {
  const valid: [string, Limit][] = [
    ['1wd', { amount: 1, unit: 'wd' }],
    ['20wd', { amount: 20, unit: 'wd' }],
    ['4wh', { amount: 4, unit: 'wh' }],
    ['0.5wh', { amount: 0.5, unit: 'wh' }],
    ['1.5wh', { amount: 1.5, unit: 'wh' }],
    ['3cd', { amount: 3, unit: 'cd' }],
    ['9999cd', { amount: 9999, unit: 'cd' }],
  ];

  it.each(valid)('reads %s', (text, limit) => {
    expect(parseLimit(text)).toEqual({ ok: true, limit });
  });

  const invalid: [string, LimitErrorReason][] = [
    ['', 'empty'],
    ['5 wd', 'whitespace'],
    [' 5wd', 'whitespace'],
    ['5wd ', 'whitespace'],
    ['wd', 'missing-amount'],
    ['5', 'missing-unit'],
    ['5d', 'unknown-unit'],
    ['5WD', 'unknown-unit'],
    ['5wk', 'unknown-unit'],
    ['05wd', 'malformed-amount'],
    ['+5wd', 'malformed-amount'],
    ['.5wh', 'malformed-amount'],
    ['5.wh', 'malformed-amount'],
    ['1.2.3wh', 'malformed-amount'],
    ['1e3wd', 'malformed-amount'],
    ['5wd5', 'malformed-amount'],
    ['0wd', 'not-positive'],
    ['0.0wh', 'not-positive'],
    ['-3wd', 'not-positive'],
    ['0.5wd', 'fraction-not-allowed'],
    ['1.5cd', 'fraction-not-allowed'],
    ['0.25wh', 'too-many-decimals'],
    ['10000wd', 'too-large'],
    ['9999.5wh', 'too-large'],
  ];

  it.each(invalid)('rejects %j as %s', (text, reason) => {
    const result = parseLimit(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ reason, text });
  });

  it('names the unit it does not know', () => {
    expect(parseLimit('5d')).toEqual({ ok: false, error: { reason: 'unknown-unit', text: '5d', unit: 'd' } });
  });
});

describe('formatLimit', () => {
  it.each(['1wd', '20wd', '0.5wh', '3cd'])('round-trips %s', (text) => {
    const result = parseLimit(text);
    expect(result.ok && formatLimit(result.limit)).toBe(text);
  });
});

describe('compareLimits', () => {
  const table: [string, string, LimitComparison][] = [
    ['1wd', '20wd', 'less'],
    ['20wd', '20wd', 'equal'],
    ['21wd', '20wd', 'greater'],
    ['4wh', '0.5wh', 'greater'],
    ['7wh', '1wd', 'equal'],
    ['8wh', '1wd', 'greater'],
    ['1wd', '7.5wh', 'less'],
    ['1wd', '6.5wh', 'greater'],
    ['3cd', '5cd', 'less'],
    ['3cd', '5wd', 'unknown'],
    ['5wd', '30cd', 'unknown'],
    ['4wh', '1cd', 'unknown'],
  ];

  it.each(table)('%s against %s is %s', (a, b, expected) => {
    const left = parseLimit(a);
    const right = parseLimit(b);
    if (!left.ok || !right.ok) throw new Error('fixture limits must parse');
    expect(compareLimits(left.limit, right.limit)).toBe(expected);
  });
});
