import { describe, expect, it } from 'vitest';
import { hasErrors, problem } from '../src/index.js';

describe('problem', () => {
  it('omits location fields that are not known', () => {
    const p = problem('x/y', 'warning', '中文', 'English', { elementId: 'a' });
    expect(p).toEqual({ code: 'x/y', severity: 'warning', message: '中文', messageEn: 'English', elementId: 'a' });
    expect(hasErrors([p])).toBe(false);
    expect(hasErrors([p, problem('x/z', 'error', '错', 'err')])).toBe(true);
  });
});
